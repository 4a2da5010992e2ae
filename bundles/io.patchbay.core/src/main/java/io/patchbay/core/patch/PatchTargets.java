package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Slot;
import java.util.List;
import java.util.stream.Collectors;

/** The one slot a patch is for, or a sentence saying what it asked for and what exists. */
final class PatchTargets {

    private PatchTargets() {
    }

    static Slot slotFor(PatchJar patch, List<Slot> all) {
        List<Slot> matching = all.stream()
                .filter(s -> patch.targets().stream().anyMatch(t -> t.matches(s.type().getName(), s.apiVersion())))
                .toList();
        if (matching.isEmpty()) {
            throw new PatchException(patch.name() + " targets no known slot: it asks for "
                    + patch.targets().stream().map(PatchTarget::toString).collect(Collectors.joining(", "))
                    + " and the slots are " + SlotNames.ids(all) + ".");
        }
        if (matching.size() > 1) {
            throw new PatchException(patch.name() + " matches " + matching.size() + " slots ("
                    + SlotNames.ids(matching) + "); narrow its Patchbay-Patch version range to one.");
        }
        return matching.get(0);
    }
}
