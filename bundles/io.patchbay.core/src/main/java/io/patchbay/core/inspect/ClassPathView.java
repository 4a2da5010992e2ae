package io.patchbay.core.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The classes a bundle's class loader finds, by class name, each from the first class path entry that has it: the
 * host's {@code Bundle-ClassPath} entries in order, an entry the host lacks taken from the first attached fragment
 * that has it (so a fragment's {@code patch/} comes before the host's {@code .}), then each fragment's own class
 * path entries (OSGi Core, "Fragment Bundles"; as Felix builds it). Embedded jars are read too. Only the
 * loader's own content: imported packages and required bundles are not part of an implementation.
 */
final class ClassPathView {

    private ClassPathView() {
    }

    static Map<String, byte[]> of(Content host, List<Content> fragments) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        // a root holds the folders that are entries of their own (patch/): not classes of the root
        Set<String> folders = new HashSet<>();
        Stream.concat(Stream.of(host), fragments.stream()).flatMap(c -> c.classPathEntries().stream())
                .filter(e -> !e.equals(".")).forEach(e -> folders.add((e.startsWith("/") ? e.substring(1) : e) + "/"));
        for (String entry : host.classPathEntries()) {
            if (entry.equals(".")) {
                add(classes, root(host, folders));
            } else if (!addEntry(classes, host, entry)) {
                for (Content fragment : fragments) {
                    if (addEntry(classes, fragment, entry)) {
                        break;
                    }
                }
            }
        }
        for (Content fragment : fragments) {
            for (String entry : fragment.classPathEntries()) {
                if (entry.equals(".")) {
                    add(classes, root(fragment, folders));
                } else {
                    addEntry(classes, fragment, entry);
                }
            }
        }
        return classes;
    }

    private static Map<String, byte[]> root(Content content, Set<String> folders) throws IOException {
        Map<String, byte[]> classes = content.classes("");
        classes.keySet().removeIf(path -> folders.stream().anyMatch(path::startsWith));
        return classes;
    }

    /** Adds the classes of {@code entry} (a folder or an embedded jar) of {@code content}; false if it has none. */
    private static boolean addEntry(Map<String, byte[]> classes, Content content, String entry) throws IOException {
        String path = entry.startsWith("/") ? entry.substring(1) : entry;
        if (content.isFolder(path)) {
            add(classes, content.classes(path));
            return true;
        }
        byte[] jar = content.read(path);
        if (jar == null) {
            return false;
        }
        add(classes, Content.classesOfJar(new ByteArrayInputStream(jar)));
        return true;
    }

    /** Class files by path, as class names; the first one of a name wins, as in the class loader. */
    private static void add(Map<String, byte[]> classes, Map<String, byte[]> files) {
        files.forEach((path, bytes) -> {
            if (!path.startsWith("META-INF/") && !path.endsWith("module-info.class")) {
                classes.putIfAbsent(path.substring(0, path.length() - ".class".length()).replace('/', '.'), bytes);
            }
        });
    }
}
