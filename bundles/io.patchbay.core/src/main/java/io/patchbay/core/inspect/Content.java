package io.patchbay.core.inspect;

import io.patchbay.core.headers.ManifestClause;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * The entries of one bundle's own content, installed or not: read by path, never through a class loader (so
 * nothing is resolved or loaded) and never including the entries of attached fragments.
 */
interface Content {

    /** {@code symbolicName/version}, for messages. */
    String id();

    /** Its {@code Bundle-ClassPath} header, or {@code null}. */
    String classPath();

    /** The bytes of the file entry at {@code path}, or {@code null} when there is none. */
    byte[] read(String path) throws IOException;

    /** Whether {@code path} is a folder of this content (it has entries below it). */
    boolean isFolder(String path);

    /** Every {@code .class} file under the folder {@code folder} ({@code ""} for the root), by path below it. */
    Map<String, byte[]> classes(String folder) throws IOException;

    /** Its class path entries in order: {@code .} when it declares none. */
    default List<String> classPathEntries() {
        String header = classPath();
        if (header == null || header.isBlank()) {
            return List.of(".");
        }
        return ManifestClause.parse(header).stream().map(c -> c.name().trim()).toList();
    }

    /** The {@code .class} entries of a jar embedded in a bundle, by path. */
    static Map<String, byte[]> classesOfJar(InputStream jar) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarInputStream in = new JarInputStream(jar)) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return classes;
    }
}
