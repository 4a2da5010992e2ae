package io.patchbay.core.patch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongPredicate;
import org.osgi.framework.BundleContext;

/**
 * The SHA-256 of the jar each patch bundle was installed from, by bundle id (ids are never reused in a
 * framework): what the ledger records when a second apply brings an installed standby back, and what a jar with
 * the same name and version is compared with. The framework keeps no such record itself.
 */
public final class InstalledChecksums {

    private static final String FILE = "patch-checksums.properties";

    private final Path file;

    public InstalledChecksums(Path file) {
        this.file = file;
    }

    /** The checksums in the data area of the manager whose context this is. */
    static InstalledChecksums of(BundleContext manager) {
        return new InstalledChecksums(manager.getDataFile(FILE).toPath());
    }

    /**
     * Records {@code checksum} for {@code bundleId}, crash-safely, and forgets bundles that are gone.
     *
     * @param installed whether a bundle id is still installed
     */
    public synchronized void record(long bundleId, String checksum, LongPredicate installed) {
        Properties checksums = load();
        checksums.stringPropertyNames().stream()
                .filter(id -> !installed.test(Long.parseLong(id)))
                .forEach(checksums::remove);
        checksums.setProperty(String.valueOf(bundleId), checksum);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            checksums.store(bytes, "SHA-256 of the jar each patch bundle was installed from, by bundle id");
            replace(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The recorded checksum of the bundle, if apply installed it. */
    public synchronized Optional<String> get(long bundleId) {
        return Optional.ofNullable(load().getProperty(String.valueOf(bundleId)));
    }

    private Properties load() {
        Properties checksums = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                checksums.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return checksums;
    }

    private void replace(byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(content));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
