package io.patchbay.core;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The implementations a verdict threw out, per slot, read from the ledger (so they stay marked across restarts): the
 * one the canary judge auto-reverted from, or one reverted from with a {@link PatchbayConstants#HEALTH_VERDICT}
 * reason (a fleet's health window). A later entry that routes calls to it again (activate, apply, a new canary)
 * clears the mark: the operator overruled the verdict.
 */
final class Rejections {

    private final Map<String, Map<String, LedgerEntryDTO>> bySlot;

    private Rejections(Map<String, Map<String, LedgerEntryDTO>> bySlot) {
        this.bySlot = bySlot;
    }

    /** @param newestFirst the ledger, newest entry first */
    static Rejections of(List<LedgerEntryDTO> newestFirst) {
        Map<String, Map<String, LedgerEntryDTO>> bySlot = new HashMap<>();
        Map<String, Set<String>> decided = new HashMap<>();
        for (LedgerEntryDTO entry : newestFirst) { // the newest entry that names an implementation decides
            Set<String> seen = decided.computeIfAbsent(entry.slot, slot -> new HashSet<>());
            if (entry.from != null && seen.add(entry.from) && isVerdict(entry)) {
                bySlot.computeIfAbsent(entry.slot, slot -> new HashMap<>()).put(entry.from, entry);
            }
            if (entry.to != null) {
                seen.add(entry.to); // routed to it after any verdict: not rejected
            }
        }
        return new Rejections(bySlot);
    }

    static boolean isVerdict(LedgerEntryDTO entry) {
        return "auto-revert".equals(entry.action) || "revert".equals(entry.action) && entry.reason != null
                && entry.reason.startsWith(PatchbayConstants.HEALTH_VERDICT);
    }

    /** The verdict that rejected {@code implementation} in {@code slot}, or {@code null}. */
    LedgerEntryDTO of(String slot, String implementation) {
        return bySlot.getOrDefault(slot, Map.of()).get(implementation);
    }

    /** {@code judge: hard guard: ...}: who rejected it and why, for the DTO. */
    static String sentence(LedgerEntryDTO verdict) {
        return verdict.actor + ": " + verdict.reason;
    }
}
