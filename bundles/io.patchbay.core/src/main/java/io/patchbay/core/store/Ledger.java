package io.patchbay.core.store;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The append-only history of route changes, a file of JSON lines that proves itself: each line is one entry with
 * its own SHA-256 ({@code hash}) and the SHA-256 of the line before it ({@code prev}); see {@link LedgerLine} for the
 * exact format. An entry is forced to disk before {@link #append} returns.
 * <p>
 * Opening never throws, so the manager always starts: a last line torn by a crash is cut off the file (with one
 * warning in the log), and anything else wrong is kept, read as far as it can be, and reported by
 * {@link #integrity()}. A tab-separated {@code ledger.tsv} of an earlier Patchbay beside the file, with no file yet, is
 * imported into it once and renamed {@code ledger.tsv.imported}.
 * <p>
 * Thread-safe: every method is synchronised on the ledger. One ledger object per file; nothing else may write it.
 */
public final class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class.getName());

    /** The file name of the earlier tab-separated format, looked for beside the ledger. */
    static final String OLD_NAME = "ledger.tsv";

    private final Path file;
    private final List<LedgerEntryDTO> entries = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private String lastHash = LedgerLine.FIRST_PREV;
    private String problem;

    /** Opens the ledger at {@code file} (typically {@code ledger.jsonl}), which need not exist yet. Never throws. */
    public Ledger(Path file) {
        this.file = file;
        try {
            importOldFormat();
            load();
        } catch (IOException | RuntimeException e) {
            problem = "The ledger could not be read (" + e + "); it may be missing entries.";
            LOG.log(Level.WARNING, "Cannot read the ledger " + file, e);
        }
    }

    /**
     * Appends {@code entry} and forces it to disk before returning.
     *
     * @throws UncheckedIOException if it cannot be written; the file is then left as it was, as far as possible
     */
    public synchronized void append(LedgerEntryDTO entry) {
        LedgerEntryDTO kept = LedgerLine.normalized(entry);
        byte[] line = LedgerLine.encode(kept, lastHash);
        ByteBuffer bytes = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                long before = channel.size();
                try {
                    AtomicFiles.writeFully(channel, bytes);
                    channel.force(true);
                } catch (IOException e) {
                    channel.truncate(before); // leave no half line for the next append to follow
                    throw e;
                }
            }
            if (created) {
                AtomicFiles.forceDirectory(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the ledger " + file, e);
        }
        entries.add(kept);
        lastHash = LedgerLine.sha256(line);
    }

    /** Newest first. */
    public synchronized List<LedgerEntryDTO> entries() {
        List<LedgerEntryDTO> copy = new ArrayList<>(entries);
        Collections.reverse(copy);
        return copy;
    }

    /**
     * Whether the file as read at start proves itself (entries appended since are chained to it), in one sentence
     * plus what the start repaired or imported, if anything.
     */
    public synchronized LedgerIntegrity integrity() {
        String state = problem != null ? problem
                : "The ledger is intact: " + count(entries.size()) + (entries.size() > 1 ? ", chained." : ".");
        StringBuilder sentence = new StringBuilder(state);
        notices.forEach(notice -> sentence.append(' ').append(notice));
        return new LedgerIntegrity(problem == null, sentence.toString());
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        LedgerScan scan = new LedgerScan(Files.readAllBytes(file));
        if (scan.tail() != null) {
            try {
                cut(scan);
            } catch (IOException e) {
                notices.add("At start a torn last line could not be cut off (" + e + ").");
                LOG.log(Level.WARNING, "Cannot cut the torn last line off the ledger " + file, e);
            }
        }
        entries.addAll(scan.entries());
        lastHash = scan.lastHash();
        problem = scan.problem();
        if (problem != null) {
            LOG.warning(problem + " (" + file + ")");
        }
    }

    private void cut(LedgerScan scan) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(scan.keep());
            channel.force(true);
        }
        int length = scan.tail().length;
        notices.add("At start a torn last line (" + length + (length == 1 ? " byte" : " bytes")
                + ", from an interrupted append) was cut off.");
        LOG.warning("Cut a torn last line off the ledger " + file + " (" + length
                + " bytes, an append a crash interrupted): " + LedgerScan.printable(scan.tail()));
    }

    private void importOldFormat() throws IOException {
        Path old = file.resolveSibling(OLD_NAME);
        if (Files.exists(file) || old.equals(file) || !Files.isRegularFile(old)) {
            return;
        }
        TsvLedger.Read read = TsvLedger.read(old);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        String prev = LedgerLine.FIRST_PREV;
        for (LedgerEntryDTO entry : read.entries()) {
            byte[] line = LedgerLine.encode(LedgerLine.normalized(entry), prev);
            content.write(line);
            content.write('\n');
            prev = LedgerLine.sha256(line);
        }
        AtomicFiles.replace(file, content.toByteArray());
        // the new file exists from here on, so a failed rename below cannot import twice
        try {
            Files.move(old, old.resolveSibling(OLD_NAME + ".imported"), StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.forceDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Imported " + old + " but cannot rename it; it is not read again", e);
        }
        notices.add("At start " + count(read.entries().size()) + " from the earlier " + OLD_NAME
                + " were imported" + (read.skipped() == 0 ? "." : " and " + read.skipped()
                + (read.skipped() == 1 ? " torn line" : " torn lines") + " skipped."));
        LOG.info("Imported " + read.entries().size() + " ledger entries from " + old + " into " + file
                + (read.skipped() == 0 ? "" : ", skipped " + read.skipped() + " torn lines"));
    }

    private static String count(int entries) {
        return entries == 0 ? "no entries" : entries == 1 ? "1 entry" : entries + " entries";
    }
}
