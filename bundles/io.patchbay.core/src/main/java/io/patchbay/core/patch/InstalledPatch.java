package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * Where the bundle of a patch that is installed already stands among the slots it could patch: active in one
 * (apply changes nothing), or a standby of one (apply switches to it). Shared by apply and its dry run.
 *
 * @param standby the implementation apply would switch to, or {@code null} when the bundle is active in {@code slot}
 */
record InstalledPatch(Slot slot, Implementation standby) {

    boolean applied() {
        return standby == null;
    }

    /** @throws PatchException if the bundle serves none of the candidates */
    static InstalledPatch find(PatchJar patch, List<Slot> candidates, Bundle bundle) {
        for (Slot slot : candidates) {
            Implementation active = slot.active();
            if (active != null && active.bundle().equals(bundle)) {
                return new InstalledPatch(slot, null);
            }
            Implementation standby = slot.implementations().stream().filter(i -> i.bundle().equals(bundle))
                    .findFirst().orElse(null);
            if (standby != null) {
                return new InstalledPatch(slot, standby);
            }
        }
        throw new PatchException(patch.id() + " is already installed (bundle " + bundle.getBundleId()
                + ") but serves no implementation of " + SlotNames.ids(candidates)
                + "; start it or uninstall it first.");
    }
}
