package io.patchbay.core.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.osgi.framework.Constants;

/**
 * A patch jar that is not installed, read from the copy the inspector made. Opened for each read and closed at
 * once, so nothing stays open on a file that is deleted when the inspector is done.
 */
final class JarContent implements Content {

    private final Path jar;
    private final String id;
    private final String classPath;

    JarContent(Path jar, String id, Attributes main) {
        this.jar = jar;
        this.id = id;
        this.classPath = main.getValue(Constants.BUNDLE_CLASSPATH);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String classPath() {
        return classPath;
    }

    @Override
    public byte[] read(String path) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            ZipEntry entry = file.getEntry(path);
            if (entry == null || entry.isDirectory()) {
                return null;
            }
            try (InputStream in = file.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    @Override
    public boolean isFolder(String path) {
        String folder = path.endsWith("/") ? path : path + "/";
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.stream().anyMatch(e -> e.getName().startsWith(folder));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Map<String, byte[]> classes(String folder) throws IOException {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        classes.put(name.substring(prefix.length()), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }
}
