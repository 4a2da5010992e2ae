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
     * Parses {@code a.B;version="[1.0,2)", c.D}.
     *
     * @throws IllegalArgumentException with a plain sentence when the header is malformed
     */
    public static List<PatchTarget> parse(String header) {
        List<PatchTarget> targets = new ArrayList<>();
        for (ManifestClause clause : ManifestClause.parse(header)) {
            if (clause.name().isEmpty()) {
                throw new IllegalArgumentException("Patchbay-Patch header '" + header + "' names no interface");
            }
            targets.add(new PatchTarget(clause.name(), range(clause.name(), clause.attributes().get("version"))));
        }
        return targets;
    }

    static VersionRange range(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return VersionRange.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Patchbay-Patch version '" + value + "' of " + name
                    + " is not a version range");
        }
    }
}
