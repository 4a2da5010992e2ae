package io.patchbay.core.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The routes of every slot, in one properties file rewritten atomically on every change: after a crash at any
 * instant the file holds either the old or the new routes.
 */
public final class RouteStore {

    private final Path file;
    private final Map<String, SavedRoute> routes = new TreeMap<>();

    public RouteStore(Path file) {
        this.file = file;
        load();
    }

    public synchronized SavedRoute get(String slotId) {
        return routes.get(slotId);
    }

    public synchronized java.util.Set<String> ids() {
        return java.util.Set.copyOf(routes.keySet());
    }

    public synchronized void put(String slotId, SavedRoute route) {
        routes.put(slotId, route);
        save();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read saved routes from " + file, e);
        }
        for (String name : properties.stringPropertyNames()) {
            if (name.endsWith(".active")) {
                String slot = name.substring(0, name.length() - ".active".length());
                routes.put(slot, new SavedRoute(properties.getProperty(name),
                        list(properties.getProperty(slot + ".previous")),
                        new LinkedHashSet<>(list(properties.getProperty(slot + ".known")))));
            }
        }
    }

    private void save() {
        Properties properties = new Properties();
        routes.forEach((slot, route) -> {
            properties.setProperty(slot + ".active", route.active());
            properties.setProperty(slot + ".previous", String.join(",", route.previous()));
            properties.setProperty(slot + ".known", String.join(",", route.known()));
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            properties.store(bytes, "Patchbay routes: slot -> active implementation, revert stack, known ones");
            AtomicFiles.replace(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save routes to " + file, e);
        }
    }

    private static List<String> list(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
}
