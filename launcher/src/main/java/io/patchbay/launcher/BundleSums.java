package io.patchbay.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The SHA-256 of each embedded bundle, recorded by the launcher's build beside the bundle
 * ({@code bundles/<name>.jar}{@value #SUFFIX}), so that the launcher never hashes a bundle it ships. The record holds
 * the bundle's CRC-32 and size too: the zip directory of the launcher jar holds both for every entry, so a record
 * that no longer matches its bundle (an entry replaced since the build) is found out without reading a byte.
 * Format: {@code <sha-256 hex> <crc-32 hex> <size>}.
 */
final class BundleSums {

    static final String SUFFIX = ".sha256";

    private BundleSums() {
    }

    /** Build time: {@code java io.patchbay.launcher.BundleSums <bundle folder>} writes the record of every jar there. */
    public static void main(String[] args) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.writeString(jar.resolveSibling(jar.getFileName() + SUFFIX), of(jar), StandardCharsets.US_ASCII);
            }
        }
    }

    static String of(Path jar) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(Files.newInputStream(jar), crc)) {
            String sha256 = EmbeddedBundles.sha256(in);
            return sha256 + " " + Long.toHexString(crc.getValue()) + " " + Files.size(jar) + "\n";
        }
    }

    /**
     * The SHA-256 in {@code record} if it is one and belongs to a bundle of this CRC-32 and size; else {@code null}
     * (the bundle is hashed instead).
     */
    static String recorded(InputStream record, long crc, long size) throws IOException {
        if (record == null) {
            return null;
        }
        try (record) {
            List<String> fields = List.of(new String(record.readNBytes(200), StandardCharsets.US_ASCII).trim()
                    .split(" "));
            boolean matches = fields.size() == 3 && fields.get(0).matches("[0-9a-f]{64}")
                    && fields.get(1).equals(Long.toHexString(crc)) && fields.get(2).equals(Long.toString(size));
            return matches ? fields.get(0) : null;
        }
    }
}
