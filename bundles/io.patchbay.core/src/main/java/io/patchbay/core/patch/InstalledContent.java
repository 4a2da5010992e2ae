package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * A patch whose symbolic name and version are already installed may only be the same bytes: then apply brings
 * the installed bundle back and the ledger's checksum is right. Other bytes under the same version would run the
 * installed code while the ledger named the new jar, so they are refused with a way to ship them.
 */
public final class InstalledContent {

    private InstalledContent() {
    }

    /** @throws PatchException if {@code patch}'s id is installed from other bytes, or from bytes not recorded */
    public static void check(BundleContext context, PatchJar patch) {
        Bundle installed = Installs.installed(context, patch);
        if (installed == null) {
            return;
        }
        Optional<String> recorded = InstalledChecksums.of(context).get(installed.getBundleId());
        if (recorded.isEmpty()) {
            throw new PatchException(patch.id() + " is already installed (bundle " + installed.getBundleId()
                    + ") but not by apply, so its content cannot be compared; give the fixed build a new version, e.g. "
                    + nextFree(context, patch) + ", or activate the installed one.");
        }
        if (!recorded.get().equals(patch.checksum())) {
            throw new PatchException(patch.id() + " is already installed with other content (sha256 "
                    + shortly(recorded.get()) + " installed, " + shortly(patch.checksum())
                    + " given); give the fixed build a new version, e.g. " + nextFree(context, patch) + ".");
        }
    }

    private static String shortly(String checksum) {
        return checksum.substring(0, Math.min(12, checksum.length())) + "…";
    }

    /** The next micro version that no installed bundle of that name has. */
    static Version nextFree(BundleContext context, PatchJar patch) {
        Version next = patch.version();
        boolean taken = true;
        while (taken) {
            next = new Version(next.getMajor(), next.getMinor(), next.getMicro() + 1);
            taken = false;
            for (Bundle bundle : context.getBundles()) {
                taken |= patch.symbolicName().equals(bundle.getSymbolicName()) && next.equals(bundle.getVersion());
            }
        }
        return next;
    }
}
