package io.patchbay.shell;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.time.ZoneId;
import java.util.List;

/**
 * Ledger entries as text, three lines each so that they fit 80 columns: when, what and where; from -> to; who
 * and why; and a fourth, the signer, for a patch verified against the trust store.
 *
 * <pre>
 * 2025-03-01 03:12:09  apply   com.example.pricing.api.PriceService@1.0.0
 *   com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1
 *   by shell: PRICING-42
 *   signed by CN=Release signing
 * </pre>
 */
final class LedgerText {

    private static final int COLUMNS = 80;

    private final ZoneId zone;

    LedgerText(ZoneId zone) {
        this.zone = zone;
    }

    String entries(List<LedgerEntryDTO> entries, String indent) {
        if (entries.isEmpty()) {
            return indent + "No changes recorded.";
        }
        int action = entries.stream().mapToInt(e -> String.valueOf(e.action).length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (LedgerEntryDTO entry : entries) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String when = indent + Text.time(entry.time, zone) + "  " + Text.pad(String.valueOf(entry.action), action);
            // a long slot id (interface@version#name) goes on a line of its own rather than past 80 columns
            out.append(when).append(when.length() + 2 + String.valueOf(entry.slot).length() >= COLUMNS
                    ? "\n" + indent + "  " : "  ").append(entry.slot);
            out.append('\n').append(indent).append("  ").append(Text.orNone(entry.from)).append(" -> ")
                    .append(Text.orNone(entry.to));
            String who = "by " + Text.orNone(entry.actor)
                    + (entry.reason == null || entry.reason.isBlank() ? "" : ": " + entry.reason);
            out.append('\n').append(Text.wrap(indent + "  ", who, indent + "    "));
            if (entry.signer != null) {
                out.append('\n').append(Text.wrap(indent + "  ", "signed by " + entry.signer, indent + "    "));
            }
        }
        return out.toString();
    }

    /** One line, for a ledger entry inside some other listing. */
    String line(LedgerEntryDTO entry) {
        return Text.time(entry.time, zone) + " " + entry.action + " " + entry.slot + ": " + Text.orNone(entry.from)
                + " -> " + Text.orNone(entry.to);
    }
}
