package io.patchbay.bench.swap;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Copies of the example implementation jars with another {@code Bundle-Version} and, optionally, a
 * {@code service.ranking} on the component. A swap of a standard way installs code with a version of its own, so
 * an answer from any earlier bundle, even one with the same code, is told apart from the new one.
 */
final class Variants {

    private static final String COMPONENT = "OSGI-INF/com.example.pricing.impl.PriceServiceImpl.xml";

    private final byte[] original;
    private final byte[] fixed;

    Variants(File original, File fixed) throws IOException {
        this.original = Files.readAllBytes(original.toPath());
        this.fixed = Files.readAllBytes(fixed.toPath());
    }

    /** Version of swap {@code index}: the fixed code on odd swaps, the original on even ones. */
    static String version(int index) {
        return (index % 2 == 1 ? "1.0.1" : "1.0.0") + ".s" + String.format("%04d", index);
    }

    byte[] forSwap(int index, Integer ranking) throws IOException {
        return rewrite(index % 2 == 1 ? fixed : original, version(index), ranking);
    }

    static byte[] rewrite(byte[] jar, String version, Integer ranking) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length + 256);
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null;) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    byte[] content = in.readAllBytes();
                    if (ranking != null && entry.getName().equals(COMPONENT)) {
                        content = withRanking(content, ranking);
                    }
                    out.write(content);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] withRanking(byte[] xml, int ranking) {
        String text = new String(xml, StandardCharsets.UTF_8);
        String property = "<property name=\"service.ranking\" type=\"Integer\" value=\"" + ranking + "\"/>";
        int at = text.indexOf("<service>");
        if (at < 0) {
            throw new IllegalStateException(COMPONENT + " has no <service> element");
        }
        return (text.substring(0, at) + property + "\n  " + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    static InputStream stream(byte[] jar) {
        return new java.io.ByteArrayInputStream(jar);
    }
}
