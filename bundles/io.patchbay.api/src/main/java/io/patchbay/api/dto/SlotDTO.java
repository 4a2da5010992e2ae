package io.patchbay.api.dto;

import java.util.List;
import org.osgi.dto.DTO;

/** One managed slot: an interface class as its consumers see it. */
public class SlotDTO extends DTO {

    /** {@code interfaceName@apiVersion}, stable across restarts. */
    public String id;

    public String interfaceName;

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
