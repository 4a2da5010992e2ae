package io.patchbay.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The SHA-256 of each embedded bundle as last installed, by bundle location, in
 * {@code <data>/embedded-bundles.properties}: lets a newer launcher update exactly the bundles whose bytes changed.
 * Saved atomically (temporary file, then an atomic move), so a crash leaves the old or the new file, never half.
 */
final class BundleHashes {

    static final String FILE_NAME = "embedded-bundles.properties";

    private final Path file;
    private final Properties hashes = new Properties();
    private boolean changed;

    private BundleHashes(Path file) {
        this.file = file;
    }

    static BundleHashes load(Path dataDir) throws IOException {
        BundleHashes store = new BundleHashes(dataDir.resolve(FILE_NAME));
        try (InputStream in = Files.newInputStream(store.file)) {
            store.hashes.load(in);
        } catch (NoSuchFileException firstStart) {
            // nothing recorded yet
        }
        return store;
    }

    /** Whether a launcher has installed its bundles in this data folder before (and said with what bytes). */
    static boolean recorded(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(FILE_NAME));
    }

    String get(String location) {
        return hashes.getProperty(location);
    }

    void put(String location, String sha256) {
        if (!sha256.equals(hashes.setProperty(location, sha256))) {
            changed = true;
        }
    }

    void remove(String location) {
        if (hashes.remove(location) != null) {
            changed = true;
        }
    }

    /** Writes the file if anything changed since it was loaded. */
    void save() throws IOException {
        if (!changed) {
            return;
        }
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                hashes.store(out, "SHA-256 of the embedded bundles as installed; written by the Patchbay launcher");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        changed = false;
    }
}
