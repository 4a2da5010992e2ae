package io.patchbay.core.source;

import io.patchbay.api.PatchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a patch jar into the incoming folder, at most a given number of bytes, computing its SHA-256 on the way.
 * Reading stops as soon as the limit is passed, so an endless or oversized upload costs at most the limit.
 */
public final class BoundedCopy {

    private BoundedCopy() {
    }

    /**
     * @return the SHA-256 of what was copied, in hex
     * @throws PatchException if {@code content} has more than {@code maxBytes}; {@code file} is deleted
     */
    public static String copy(InputStream content, Path file, String name, long maxBytes) throws IOException {
        Files.createDirectories(file.getParent());
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            // asks for at most one byte more than the limit allows, so passing it is seen without reading on
            while ((read = content.read(buffer, 0, want(buffer.length, maxBytes - total))) >= 0) {
                total += read;
                if (total > maxBytes) {
                    throw new PatchException(name + " is larger than the limit of " + maxBytes
                            + " bytes (patch.max.bytes); nothing was kept.");
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static int want(int buffer, long room) {
        return room >= buffer ? buffer : (int) room + 1;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
