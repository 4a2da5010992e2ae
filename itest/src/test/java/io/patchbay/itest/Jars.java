package io.patchbay.itest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Jars made from the build's jars: a rebuild with other bytes, an entry changed, checksums. */
public final class Jars {

    private Jars() {
    }

    /** A copy of {@code jar}, every entry as it is (the manifest first, unchanged), plus one more file. */
    public static File rebuilt(File jar, String entry, String content) throws IOException {
        return withEntry(jar, entry, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A copy of {@code jar}, every other entry as it is and in its order (the manifest and a signature first,
     * unchanged), with {@code entry} added at the end or, if the jar has it, replaced by {@code content} there.
     */
    public static File withEntry(File jar, String entry, byte[] content) throws IOException {
        File copy = File.createTempFile("rebuilt", ".jar");
        copy.deleteOnExit();
        try (JarFile in = new JarFile(jar, false);
                OutputStream file = Files.newOutputStream(copy.toPath());
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (JarEntry each : Collections.list(in.entries())) {
                if (each.getName().equals(entry)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(each.getName()));
                try (InputStream bytes = in.getInputStream(each)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
            // its folders too: a framework looks for a Bundle-ClassPath folder (patch/) by its own entry
            Set<String> present = new HashSet<>(Collections.list(in.entries()).stream().map(ZipEntry::getName).toList());
            for (int slash = entry.indexOf('/'); slash > 0; slash = entry.indexOf('/', slash + 1)) {
                String folder = entry.substring(0, slash + 1);
                if (present.add(folder)) {
                    out.putNextEntry(new ZipEntry(folder));
                    out.closeEntry();
                }
            }
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        }
        return copy;
    }

    public static String sha256(File file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file.toPath())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
