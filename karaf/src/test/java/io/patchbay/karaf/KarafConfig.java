package io.patchbay.karaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sets keys in a Karaf {@code .cfg} / {@code .properties} file: the old line (and its continuations) goes. */
final class KarafConfig {

    private KarafConfig() {
    }

    static void set(Path file, Map<String, String> values) throws IOException {
        List<String> kept = new ArrayList<>();
        boolean continued = false;
        for (String line : Files.exists(file) ? Files.readAllLines(file) : List.<String>of()) {
            boolean dropped = continued || values.keySet().stream().anyMatch(key -> isAssignment(line, key));
            continued = dropped && line.endsWith("\\");
            if (!dropped) {
                kept.add(line);
            }
        }
        values.forEach((key, value) -> kept.add(key + " = " + value));
        Files.write(file, kept);
    }

    private static boolean isAssignment(String line, String key) {
        String trimmed = line.strip();
        return trimmed.startsWith(key) && trimmed.substring(key.length()).stripLeading().startsWith("=");
    }
}
