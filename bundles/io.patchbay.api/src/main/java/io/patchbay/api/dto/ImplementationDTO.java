package io.patchbay.api.dto;

import org.osgi.dto.DTO;

/** An implementation registered for a slot, by the original bundle or by a patch. */
public class ImplementationDTO extends DTO {

    /** {@code bundleSymbolicName/bundleVersion}: how to name it in {@code activate}. */
    public String id;

    public long bundleId;

    public String bundleSymbolicName;

    public String bundleVersion;

    public long serviceId;

    /**
     * {@code active}, {@code standby}, {@code candidate} for the candidate of a canary in progress, or
     * {@code rejected} for a standby that the canary judge (or a fleet's health verdict) reverted from: see
     * {@link #rejection}.
     */
    public String state;

    /** Whether the bundle declares itself a patch ({@code Patchbay-Patch} header). */
    public boolean patch;

    /** The patch's {@code Patchbay-Reason}, if any. */
    public String patchReason;

    /** When this implementation last became active (epoch milliseconds), or 0. */
    public long activeSince;

    /** Calls answered (normally or with an exception) since it was registered. */
    public long calls;

    /** Calls that ended with an exception. */
    public long errors;

    /** Calls running right now. */
    public long inFlight;

    /**
     * For a {@code rejected} standby, who rejected it and the verdict ({@code judge: hard guard: ...}), from the
     * ledger entry that reverted from it; {@code null} otherwise. Activating it again (or a new canary of it) clears
     * the mark.
     */
    public String rejection;
}
