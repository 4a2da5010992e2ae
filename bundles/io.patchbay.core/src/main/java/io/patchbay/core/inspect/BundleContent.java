package io.patchbay.core.inspect;

import io.patchbay.core.slot.Implementation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * An installed bundle's own entries, through {@link Bundle#getEntryPaths} and {@link Bundle#getEntry}: those
 * search only the bundle itself, not its fragments, and do not resolve it (where {@code findEntries} would).
 */
final class BundleContent implements Content {

    private final Bundle bundle;

    BundleContent(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public String id() {
        return Implementation.bundleId(bundle);
    }

    @Override
    public String classPath() {
        return bundle.getHeaders("").get(Constants.BUNDLE_CLASSPATH);
    }

    @Override
    public byte[] read(String path) throws IOException {
        URL entry = bundle.getEntry(path);
        if (entry == null || path.endsWith("/")) {
            return null;
        }
        try (InputStream in = entry.openStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public boolean isFolder(String path) {
        Enumeration<String> below = bundle.getEntryPaths(path);
        return below != null && below.hasMoreElements();
    }

    @Override
    public Map<String, byte[]> classes(String folder) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        String start = folder.isEmpty() ? "/" : folder.endsWith("/") ? folder : folder + "/";
        collect(start, start.equals("/") ? 0 : start.length(), classes);
        return classes;
    }

    private void collect(String path, int prefix, Map<String, byte[]> classes) throws IOException {
        Enumeration<String> below = bundle.getEntryPaths(path);
        if (below == null) {
            return;
        }
        while (below.hasMoreElements()) {
            String entry = below.nextElement();
            if (entry.endsWith("/")) {
                collect(entry, prefix, classes);
            } else if (entry.endsWith(".class")) {
                String relative = entry.startsWith("/") ? entry.substring(1) : entry;
                byte[] bytes = read(entry);
                if (bytes != null) {
                    classes.put(relative.substring(Math.min(prefix, relative.length())), bytes);
                }
            }
        }
    }
}
