package io.patchbay.core;

import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.core.store.LedgerIntegrity;
import java.util.List;

/**
 * Answers "can I trust what the manager reports?": the ledger's integrity and whether patches are verified; and
 * what may surprise an operator ({@link StatusWarnings}).
 */
final class ManagerStatus {

    private ManagerStatus() {
    }

    /** @param trustStore the configured trust store, or {@code null} when patches are not verified */
    static ManagerStatusDTO of(LedgerIntegrity integrity, String trustStore, List<String> warnings) {
        ManagerStatusDTO status = new ManagerStatusDTO();
        status.ledgerIntact = integrity.intact();
        status.ledger = integrity.sentence();
        status.verifying = trustStore != null;
        status.verification = trustStore == null
                ? "Patches are not verified: no trust store is configured (trust.store), so any well-formed patch"
                        + " is applied."
                : "Patches are verified: only jars wholly signed by a certificate of the trust store " + trustStore
                        + " (trust.store) are applied.";
        status.warnings = List.copyOf(warnings);
        return status;
    }
}
