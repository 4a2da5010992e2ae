package io.patchbay.api.dto;

import java.util.List;
import org.osgi.dto.DTO;

/**
 * Whether one implementation that was ever active has let go of its memory: its bundle's class loader (of the
 * bundle revision that served) collected after a revert, an uninstall and a refresh; if not, what still holds it.
 *
 * @since 1.4
 */
public class RetiredDTO extends DTO {

    /** Still the route of its slot. */
    public static final String ACTIVE = "active";
    /** Off the route, but its bundle revision is still installed and current: not retired yet. */
    public static final String INSTALLED = "installed";
    /** Its class loader was collected: fully retired. */
    public static final String COLLECTED = "collected";
    /** Uninstalled or refreshed away, and its class loader not collected within the wait: see {@link #holders}. */
    public static final String HELD = "held";

    /** The implementation, {@code name/version} as {@link ImplementationDTO#id}. */
    public String implementation;

    /** The slot it was active in. */
    public String slot;

    /** The id its bundle had. */
    public long bundleId;

    /** The location its bundle was installed from. */
    public String location;

    /** When it first became active, milliseconds since the epoch. */
    public long activeSince;

    /** {@link #ACTIVE}, {@link #INSTALLED}, {@link #COLLECTED} or {@link #HELD}. */
    public String state;

    /** {@code true} only for {@link #COLLECTED}. */
    public boolean collected;

    /**
     * For {@link #HELD}, what still holds the class loader, one sentence each: the framework (removal pending
     * until a refresh), the manager or a consumer still using its service, a thread inside its code or with it as
     * context class loader, a JDK registry (logging handler, security provider, MBean) holding one of its objects.
     * Empty when nothing named holds it (a heap dump would tell).
     */
    public List<String> holders;

    /** One sentence on {@link #state}. */
    public String message;
}
