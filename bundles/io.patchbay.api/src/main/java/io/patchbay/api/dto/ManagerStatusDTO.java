package io.patchbay.api.dto;

import java.util.List;
import org.osgi.dto.DTO;

/**
 * The manager's own state, as an operator checks it before trusting what it reports: whether the ledger proves
 * itself, and whether patches must be signed.
 */
public class ManagerStatusDTO extends DTO {

    /**
     * {@code true} when every ledger entry read at start matches its own hash and follows from the one before it
     * (a last line torn by a crash, cut off at start, does not count against it); {@code false} when an entry was
     * changed, removed or reordered since it was written, or the ledger could not be read. The manager keeps
     * working either way.
     */
    public boolean ledgerIntact;

    /**
     * One sentence on the ledger, for example {@code The ledger is intact: 12 entries, chained.}, or which entry
     * does not match its hash; followed by a sentence on what the start repaired or imported, if it did.
     */
    public String ledger;

    /** Whether apply takes only patches signed by a certificate of the configured trust store. */
    public boolean verifying;

    /** One sentence on {@link #verifying}: which trust store, or that patches are not verified. */
    public String verification;

    /**
     * What may surprise an operator, one sentence each, none when all is as expected: a slot kept on a patch
     * although a newer version of the same bundle is installed, a standby idle and installed longer than
     * {@code standby.idle.warn.ms}, a slot's active implementation failing more than the one before it did.
     *
     * @since 1.4
     */
    public List<String> warnings;
}
