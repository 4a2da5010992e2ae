package io.patchbay.core.store;

/**
 * Whether the ledger proves itself: every entry matches its own hash and names the hash of the line before it.
 *
 * @param intact   true when no entry was changed, removed or reordered since it was written (a torn last line that a
 *                 crash left and the start cut off does not count against it)
 * @param sentence one plain sentence for an operator, for example "The ledger is intact: 12 entries, chained." or
 *                 "The ledger was edited: entry 3 (2026-12-02 10:14:03 UTC, apply of impl/1.0.1 on a.B@1.0.0) does
 *                 not match its hash.", followed by a sentence on what the start repaired, if it did
 */
public record LedgerIntegrity(boolean intact, String sentence) {
}
