package io.patchbay.core.headers;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.core.slot.Slot;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * One entry of a {@code Patchbay-Patch} header: an interface, the API versions the patch is built against and,
 * where the interface has several services, the slot name.
 *
 * @param interfaceName the slot's interface
 * @param versions the API package versions it accepts; {@code null} accepts any
 * @param slot the slot's name ({@code slot=} attribute), or {@code null}
 */
public record PatchTarget(String interfaceName, VersionRange versions, String slot) {

    public boolean matches(String name, String apiVersion) {
        return interfaceName.equals(name) && (versions == null || versions.includes(Version.parseVersion(apiVersion)));
    }

    /** Whether this entry is for {@code target}: its interface, an accepted API version and, if named, its name. */
    public boolean matches(Slot target) {
        return matches(target.type().getName(), target.apiVersion()) && (slot == null || slot.equals(target.name()));
    }

    @Override
    public String toString() {
        return (versions == null ? interfaceName : interfaceName + " version " + versions)
                + (slot == null ? "" : " slot " + slot);
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
            targets.add(new PatchTarget(clause.name(), range(clause.name(), clause.attributes().get("version")),
                    clause.attributes().get(PatchbayConstants.SLOT_ATTRIBUTE)));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("Patchbay-Patch header '" + header + "' names no interface");
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
