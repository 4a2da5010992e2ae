package io.patchbay.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Variants of the launcher jar for the update test: embedded bundles replaced or added. */
final class LauncherJars {

    private LauncherJars() {
    }

    /** A copy of {@code original} in which each given entry is replaced (or added) with the given bytes. */
    static Path withEntries(Path original, Path target, Map<String, byte[]> entries) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (!entries.containsKey(entry.getName())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, byte[]> added : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(added.getKey()));
                out.write(added.getValue());
                out.closeEntry();
            }
        }
        return target;
    }

    /** The bytes of one entry of a jar. */
    static byte[] entry(Path jar, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IOException("No " + name + " in " + jar);
    }

    /** The same bundle with one more (meaningless) file in it: other bytes, same behaviour. */
    static byte[] withMarker(byte[] bundle) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bundle));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("META-INF/patchbay-it-marker.txt"));
            out.write("changed".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A bundle with only a manifest. */
    static byte[] emptyBundle(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new JarOutputStream(bytes, manifest)) {
            // manifest only
        }
        return bytes.toByteArray();
    }
}
