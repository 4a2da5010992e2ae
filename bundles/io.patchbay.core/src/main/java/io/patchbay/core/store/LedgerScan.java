package io.patchbay.core.store;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the bytes of a {@code ledger.jsonl} hold: the entries, where a crash tore the end, and which entries do not
 * check (their hash or their link to the line before).
 * <p>
 * Only the end can be torn by a crash, since lines are only ever appended: a last piece with no newline, or else a
 * last line that cannot be read or does not match its hash, is the {@link #tail()} to cut. Anything wrong before the
 * end was done by someone else: it is kept (readable entries stay readable) and reported by {@link #problem()}.
 */
final class LedgerScan {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final List<LedgerEntryDTO> entries = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final long keep;
    private final byte[] tail;
    private String lastHash = LedgerLine.FIRST_PREV;

    /** Reads {@code content}, the whole file. */
    LedgerScan(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(Arrays.copyOfRange(content, start, i));
                start = i + 1;
            }
        }
        List<LedgerLine> read = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            read.add(decode(line));
        }
        int kept = lines.size();
        long keepBytes = start;
        if (start < content.length) {
            tail = Arrays.copyOfRange(content, start, content.length);
        } else if (kept > 0 && !checks(read.get(kept - 1))) {
            kept--;
            tail = lines.get(kept);
            keepBytes = start - tail.length - 1;
        } else {
            tail = null;
        }
        keep = keepBytes;
        for (int i = 0; i < kept; i++) {
            check(i + 1, read.get(i), lastHash);
            lastHash = LedgerLine.sha256(lines.get(i));
        }
    }

    /** The readable entries, oldest first, including those that do not check. */
    List<LedgerEntryDTO> entries() {
        return entries;
    }

    /** How many bytes at the start of the file are whole lines to keep: the file's length unless there is a tail. */
    long keep() {
        return keep;
    }

    /** The torn end to cut off, or {@code null} if the file ends with a good line. */
    byte[] tail() {
        return tail;
    }

    /** SHA-256 of the last kept line: the {@code prev} of the next append. */
    String lastHash() {
        return lastHash;
    }

    /**
     * {@code null} if every kept entry checks, else one sentence naming the first that does not, such as
     * "The ledger was edited: entry 3 (2026-12-02 10:14:03 UTC, apply of impl/1.0.1 on a.B@1.0.0) does not match
     * its hash."
     */
    String problem() {
        if (problems.isEmpty()) {
            return null;
        }
        int more = problems.size() - 1;
        return "The ledger was edited: " + problems.get(0) + (more == 0 ? "."
                : more == 1 ? ", and 1 more entry does not check." : ", and " + more + " more entries do not check.");
    }

    private void check(int number, LedgerLine line, String expectedPrev) {
        if (line == null) {
            problems.add("entry " + number + " is not a readable ledger entry");
            return;
        }
        entries.add(line.entry());
        if (!line.checksItself()) {
            problems.add(describe(number, line.entry()) + " does not match its hash");
        } else if (!expectedPrev.equals(line.prev())) {
            problems.add(describe(number, line.entry()) + " does not follow from the entry before it");
        }
    }

    private static boolean checks(LedgerLine line) {
        return line != null && line.checksItself();
    }

    private static LedgerLine decode(byte[] line) {
        try {
            return LedgerLine.decode(line);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** "entry 3 (2026-12-02 10:14:03 UTC, apply of impl/1.0.1 on a.B@1.0.0)". */
    static String describe(int number, LedgerEntryDTO entry) {
        return "entry " + number + " (" + TIME.format(Instant.ofEpochMilli(entry.time)) + ", " + entry.action
                + " of " + entry.to + " on " + entry.slot + ")";
    }

    /** The tail as one line of text for a log, at most about 200 characters. */
    static String printable(byte[] tail) {
        String text = new String(tail, 0, Math.min(tail.length, 800), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            out.append(c < ' ' || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.length() < 200 && tail.length <= 800 ? out.toString() : out + "...";
    }
}
