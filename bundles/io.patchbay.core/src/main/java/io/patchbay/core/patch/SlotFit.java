package io.patchbay.core.patch;

import io.patchbay.core.headers.ManifestClause;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Slot;
import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Whether a jar can implement the slot the operator named ({@code --slot}, {@code slot=}), told from its manifest
 * before anything else is decided: the slot's interface lives in a package, so a jar that implements it imports that
 * package (or carries it), at a version range that holds the slot's API version. A jar that does not is refused with
 * that sentence, rather than with whatever apply would trip over next (the same name and version installed already,
 * no implementation registered in time).
 */
public final class SlotFit {

    private SlotFit() {
    }

    /**
     * @param named the slot the operator named, or {@code null} (the patch's header decides; nothing to check here)
     * @throws PatchException if the jar imports the slot's package at a range without its API version, or neither
     *             imports nor exports nor carries it
     */
    public static void check(PatchJar patch, String named, List<Slot> all) {
        if (named == null || named.isBlank() || patch.isFragment()) {
            return; // a fragment runs inside its host's class space: the host's imports count
        }
        Slot slot = SlotNames.find(all, named);
        check(patch, slot.type().getName(), slot.apiVersion(), slot.id());
    }

    /** As {@link #check(PatchJar, String, List)} for a slot of interface {@code type} at {@code apiVersion}. */
    static void check(PatchJar patch, String type, String apiVersion, String slotId) {
        String pkg = type.substring(0, Math.max(type.lastIndexOf('.'), 0));
        Manifest manifest = manifest(patch);
        if (manifest == null || carries(manifest, pkg, patch)) {
            return;
        }
        Version api = Version.parseVersion(apiVersion);
        for (ManifestClause clause : clauses(manifest, Constants.IMPORT_PACKAGE)) {
            if (clause.name().equals(pkg)) {
                String range = clause.attributes().getOrDefault(Constants.VERSION_ATTRIBUTE, "0");
                if (new VersionRange(range).includes(api)) {
                    return;
                }
                throw new PatchException(patch.name() + " (" + patch.id() + ") implements " + type + " of API "
                        + range + ", not API " + api + " of " + slotId + "; name a slot of that API version, or "
                        + "leave the slot out so that its header decides.");
            }
        }
        throw new PatchException(patch.name() + " (" + patch.id() + ") does not implement " + type + ": it does "
                + "not import package " + pkg + ", so it cannot serve " + slotId + ".");
    }

    private static boolean carries(Manifest manifest, String pkg, PatchJar patch) {
        if (clauses(manifest, Constants.EXPORT_PACKAGE).stream().anyMatch(c -> c.name().equals(pkg))) {
            return true;
        }
        try (JarFile jar = new JarFile(patch.file().toFile())) {
            return jar.getEntry(pkg.replace('.', '/') + "/") != null
                    || jar.stream().anyMatch(e -> e.getName().startsWith(pkg.replace('.', '/') + "/"));
        } catch (IOException e) {
            return true; // unreadable here: leave the decision to the framework, as before
        }
    }

    private static List<ManifestClause> clauses(Manifest manifest, String header) {
        String value = manifest.getMainAttributes().getValue(header);
        return value == null ? List.of() : ManifestClause.parse(value);
    }

    private static Manifest manifest(PatchJar patch) {
        try (JarFile jar = new JarFile(patch.file().toFile())) {
            return jar.getManifest();
        } catch (IOException e) {
            return null;
        }
    }
}
