package io.patchbay.launcher;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The bundles packed into the launcher jar under {@code bundles/*.jar} (or, when run from a classes folder, the
 * files in its {@code bundles/} folder). Only those entries are read, no other scanning; the bytes are streamed
 * through SHA-256 and not kept, and only bundles that need installing or updating are read a second time. The
 * launcher's build records each bundle's SHA-256 beside it ({@link BundleSums}), so a shipped launcher hashes nothing;
 * where a hash is not recorded, a first start hashes each bundle while Felix reads it to install it
 * ({@link #openHashed}), so that its bytes are read once, not twice.
 */
final class EmbeddedBundles {

    static final String FOLDER = "bundles/";

    /**
     * One embedded bundle: its file name (e.g. {@code org.apache.felix.scr.jar}) and the SHA-256 of its bytes, or
     * {@code null} where it has not been read yet.
     */
    record Embedded(String name, String sha256) {
    }

    /**
     * A stream of one embedded bundle that hashes what is read from it. Felix reads a bundle to its end and closes
     * it; {@link #sha256()} reads what a reader left, if it stopped early.
     */
    static final class HashedStream extends FilterInputStream {

        private final MessageDigest digest;
        private boolean ended;

        private HashedStream(InputStream in, MessageDigest digest) {
            super(new DigestInputStream(in, digest));
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            return ended(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return ended(super.read(buffer, offset, length));
        }

        @Override
        public long skip(long n) throws IOException { // read, so that skipped bytes are hashed too
            int read = n <= 0 ? 0 : read(new byte[(int) Math.min(n, 8192)]);
            return Math.max(read, 0);
        }

        private int ended(int read) {
            ended |= read < 0;
            return read;
        }

        /** The SHA-256 of the whole bundle. */
        String sha256() throws IOException {
            if (!ended) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private final Path source;

    EmbeddedBundles(Path source) {
        this.source = source;
    }

    /** The jar (or folder) that holds the launcher's classes. */
    static EmbeddedBundles ofLauncher() throws LaunchException {
        try {
            return new EmbeddedBundles(
                    Path.of(EmbeddedBundles.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception e) {
            throw new LaunchException("Cannot find the launcher jar to read its embedded bundles (" + e + ").",
                    LaunchException.FAILURE, e);
        }
    }

    /**
     * {@link #scan(boolean)} on a thread of its own, so that reading overlaps the framework's own start-up. A first
     * start ({@code compute} false) computes no hash: it installs every bundle anyway and hashes one the build did
     * not record on the way ({@link #openHashed}).
     */
    CompletableFuture<List<Embedded>> scanInBackground(boolean compute) {
        CompletableFuture<List<Embedded>> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(scan(compute));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "patchbay-embedded-bundles");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The embedded bundles, sorted by name, so that a fresh cache always assigns the same bundle ids. */
    List<Embedded> scan() throws IOException {
        return scan(true);
    }

    /**
     * The embedded bundles, sorted by name, each with the SHA-256 that the build recorded beside it
     * ({@link BundleSums}; in the launcher jar only, where the zip directory tells whether the record still fits),
     * else, if {@code compute}, the SHA-256 of its bytes, else {@code null}.
     */
    List<Embedded> scan(boolean compute) throws IOException {
        List<Embedded> found = new ArrayList<>();
        if (Files.isDirectory(source)) {
            for (String name : names()) {
                found.add(new Embedded(name, compute ? sha256(source.resolve(FOLDER).resolve(name)) : null));
            }
            return found;
        }
        try (JarFile jar = new JarFile(source.toFile(), false)) {
            for (JarEntry entry : entries(jar)) {
                JarEntry record = jar.getJarEntry(entry.getName() + BundleSums.SUFFIX);
                String sha256 = BundleSums.recorded(record == null ? null : jar.getInputStream(record),
                        entry.getCrc(), entry.getSize());
                if (sha256 == null && compute) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        sha256 = sha256(in);
                    }
                }
                found.add(new Embedded(entry.getName().substring(FOLDER.length()), sha256));
            }
        }
        return found;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static List<JarEntry> entries(JarFile jar) {
        return jar.stream()
                .filter(entry -> entry.getName().startsWith(FOLDER) && entry.getName().endsWith(".jar")
                        && entry.getName().indexOf('/', FOLDER.length()) < 0)
                .sorted(Comparator.comparing(JarEntry::getName)).toList();
    }

    /** Reads one embedded bundle, hashing it on the way. */
    HashedStream openHashed(String name) throws IOException {
        return new HashedStream(open(name), sha256Digest());
    }

    /** Reads one embedded bundle. */
    InputStream open(String name) throws IOException {
        if (Files.isDirectory(source)) {
            return Files.newInputStream(source.resolve(FOLDER).resolve(name));
        }
        JarFile jar = new JarFile(source.toFile(), false);
        JarEntry entry = jar.getJarEntry(FOLDER + name);
        if (entry == null) {
            jar.close();
            throw new IOException("No entry " + FOLDER + name + " in " + source);
        }
        return new FilterInputStream(jar.getInputStream(entry)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    jar.close();
                }
            }
        };
    }

    private List<String> names() throws IOException {
        Path folder = source.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jar")).sorted().toList();
        }
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = in.read(buffer)) >= 0;) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
