package io.patchbay.api.dto;

import java.util.List;
import org.osgi.dto.DTO;

/** One managed slot: one service as its consumers see it, followed across the implementations that replace it. */
public class SlotDTO extends DTO {

    /** {@code interfaceName@apiVersion#name}, stable across restarts. */
    public String id;

    /**
     * The slot's number, as {@code patch:list} shows it: given when the slot is first created (1, 2, ...) and never
     * given to another slot while the container runs, so a number read in a list names that slot or none, however
     * many slots come and go since. It may differ after a restart; {@link #id} does not.
     *
     * @since 1.4
     */
    public int number;

    /** The service's name within its interface: {@code patchbay.slot}, else component name, PID or bundle. */
    public String name;

    /** The slot's first interface; its facade is registered under {@link #interfaces}. */
    public String interfaceName;

    /** Every interface the slot's facade is registered under, {@link #interfaceName} first. */
    public List<String> interfaces;

    /** Service scope of the active implementation: {@code singleton}, {@code bundle} or {@code prototype}. */
    public String scope;

    /** Version of the package that exports the interface. */
    public String apiVersion;

    /** The implementation every call goes to, or {@code null} while the slot has none (calls wait). */
    public ImplementationDTO active;

    /** Registered implementations that get no calls, in registration order. */
    public List<ImplementationDTO> standby;

    /** Bundles that hold a facade for this slot. */
    public List<ConsumerDTO> consumers;

    /** Ids of the implementations a revert would go back to, most recent first. */
    public List<String> previous;
}
