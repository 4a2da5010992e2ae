package io.patchbay.api.dto;

import org.osgi.dto.DTO;

/** One line of the append-only ledger. */
public class LedgerEntryDTO extends DTO {

    /** Epoch milliseconds. */
    public long time;

    /**
     * {@code apply}, {@code revert}, {@code activate}, {@code fallback} (the active implementation went away and
     * the manager routed to the previous one), or {@code interrupted} (an operation the container stopped in the
     * middle of, which did not take effect; written at the next start).
     */
    public String action;

    public String actor;

    public String slot;

    public String from;

    public String to;

    public String reason;

    /** SHA-256 of the patch jar for {@code apply}, otherwise {@code null}. */
    public String checksum;

    /**
     * For an {@code apply} in trusted mode, the subject DN of the trusted certificate that signed every entry of the
     * patch jar; {@code null} when patches are not verified, and for every other action.
     */
    public String signer;
}
