package io.patchbay.core.patch;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * One entry of a {@code Patchbay-Patch} header: an interface and the API versions the patch is built against.
 *
 * @param interfaceName the slot's interface
 * @param versions the API package versions it accepts; {@code null} accepts any
 */
public record PatchTarget(String interfaceName, VersionRange versions) {

    public boolean matches(String name, String apiVersion) {
        return interfaceName.equals(name) && (versions == null || versions.includes(Version.parseVersion(apiVersion)));
    }

    @Override
    public String toString() {
        return versions == null ? interfaceName : interfaceName + " version " + versions;
    }

    /**
     * Parses {@code a.B;version="[1.0,2)", c.D}: entries split on commas outside quotes, attributes on semicolons.
     *
     * @throws IllegalArgumentException with a plain sentence when the header is malformed
     */
    public static List<PatchTarget> parse(String header) {
        List<PatchTarget> targets = new ArrayList<>();
        for (String entry : split(header, ',')) {
            List<String> parts = split(entry, ';');
            String name = parts.get(0).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Patchbay-Patch header '" + header + "' names no interface");
            }
            VersionRange range = null;
            for (String attribute : parts.subList(1, parts.size())) {
                int equals = attribute.indexOf('=');
                String key = equals < 0 ? attribute.trim() : attribute.substring(0, equals).trim();
                if (key.equals("version") && equals > 0) {
                    String value = attribute.substring(equals + 1).trim().replace("\"", "");
                    try {
                        range = VersionRange.valueOf(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Patchbay-Patch version '" + value + "' of " + name
                                + " is not a version range");
                    }
                }
            }
            targets.add(new PatchTarget(name, range));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("Patchbay-Patch header is empty");
        }
        return targets;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank() || parts.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
