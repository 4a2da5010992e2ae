package io.patchbay.core.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operations in progress, one per slot, in one small file beside the ledger ({@code operations.properties}):
 * rewritten atomically and forced to disk before an operation changes anything, and again once the ledger has its
 * result. Those found at start are the ones a stopped container left unfinished.
 */
public final class IntentFile {

    private static final Logger LOG = Logger.getLogger(IntentFile.class.getName());

    private final Path file;
    private final Map<String, Intent> current = new LinkedHashMap<>();

    public IntentFile(Path file) {
        this.file = file;
    }

    /** What a stopped container left unfinished; an unreadable file is logged and read as empty. */
    public synchronized List<Intent> pending() {
        List<Intent> pending = new ArrayList<>();
        if (!Files.exists(file)) {
            return pending;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            for (int i = 0; properties.containsKey(i + ".action"); i++) {
                pending.add(Intent.load(properties, i + "."));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the unfinished operations in " + file, e);
        }
        return pending;
    }

    /** Whether an operation with this {@link Intent#key() key} (a slot's id) is in progress in this run. */
    public synchronized boolean inProgress(String key) {
        return current.containsKey(key);
    }

    /** Records that {@code intent} begins, on disk, before it changes anything. */
    public synchronized void begin(Intent intent) {
        current.put(intent.key(), intent);
        write();
    }

    /** The operation with this {@link Intent#key() key} is over: recorded in the ledger, or undone. */
    public synchronized void finish(String key) {
        if (current.remove(key) != null) {
            write();
        }
    }

    /** Every unfinished operation of an earlier run has been resolved. */
    public synchronized void resolved() {
        current.clear();
        write();
    }

    private void write() {
        try {
            if (current.isEmpty()) {
                if (Files.deleteIfExists(file)) {
                    AtomicFiles.forceDirectory(file.toAbsolutePath().getParent());
                }
                return;
            }
            Properties properties = new Properties();
            int i = 0;
            for (Intent intent : current.values()) {
                intent.store(properties, i++ + ".");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            properties.store(bytes, "Patchbay: operations in progress, resolved at the next start if still here");
            AtomicFiles.replace(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the operations in progress in " + file, e);
        }
    }
}
