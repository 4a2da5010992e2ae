package io.patchbay.core.store;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The append-only history of route changes: one tab-separated line per entry, appended and forced to disk
 * before {@link #append} returns. A line torn by a crash is skipped when reading.
 */
public final class Ledger {

    private static final int FIELDS = 8;

    private final Path file;
    private final List<LedgerEntryDTO> entries = new ArrayList<>();

    public Ledger(Path file) {
        this.file = file;
        load();
    }

    public synchronized void append(LedgerEntryDTO entry) {
        String line = String.join("\t", String.valueOf(entry.time), escape(entry.action), escape(entry.actor),
                escape(entry.slot), escape(entry.from), escape(entry.to), escape(entry.reason),
                escape(entry.checksum)) + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the ledger " + file, e);
        }
        entries.add(entry);
    }

    /** Newest first. */
    public synchronized List<LedgerEntryDTO> entries() {
        List<LedgerEntryDTO> copy = new ArrayList<>(entries);
        Collections.reverse(copy);
        return copy;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields.length == FIELDS) {
                    entries.add(parse(fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger " + file, e);
        }
    }

    private static LedgerEntryDTO parse(String[] fields) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = Long.parseLong(fields[0]);
        entry.action = unescape(fields[1]);
        entry.actor = unescape(fields[2]);
        entry.slot = unescape(fields[3]);
        entry.from = unescape(fields[4]);
        entry.to = unescape(fields[5]);
        entry.reason = unescape(fields[6]);
        entry.checksum = unescape(fields[7]);
        return entry;
    }

    static String escape(String value) {
        if (value == null) {
            return "\\0";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
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
