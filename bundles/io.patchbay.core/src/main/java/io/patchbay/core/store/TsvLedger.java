package io.patchbay.core.store;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ledger format of Patchbay before the JSON lines one, so that an upgraded container keeps its history:
 * one line per entry, eight tab-separated fields ({@code time action actor slot from to reason checksum}), with
 * {@code \\}, {@code \t}, {@code \n}, {@code \r} escaped and {@code \0} for {@code null}.
 */
final class TsvLedger {

    private static final int FIELDS = 8;

    /**
     * @param entries the entries read, oldest first
     * @param skipped how many lines were torn (no newline, wrong number of fields, no time) and left out
     */
    record Read(List<LedgerEntryDTO> entries, int skipped) {
    }

    private TsvLedger() {
    }

    static Read read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        List<LedgerEntryDTO> entries = new ArrayList<>();
        int skipped = 0;
        // the last piece follows the last newline: empty for a whole file, else a line a crash tore
        for (int i = 0; i < lines.length; i++) {
            LedgerEntryDTO entry = i < lines.length - 1 ? parse(lines[i]) : null;
            if (entry != null) {
                entries.add(entry);
            } else if (!lines[i].isEmpty()) {
                skipped++;
            }
        }
        return new Read(entries, skipped);
    }

    private static LedgerEntryDTO parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS) {
            return null;
        }
        LedgerEntryDTO entry = new LedgerEntryDTO();
        try {
            entry.time = Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        for (LedgerField field : LedgerField.values()) { // the columns after time, in the ledger's order
            if (field != LedgerField.SIGNER) { // the TSV ledger predates signed patches
                field.set(entry, unescape(fields[field.ordinal() + 1]));
            }
        }
        return entry;
    }

    static String unescape(String value) {
        if (value.equals("\\0")) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
