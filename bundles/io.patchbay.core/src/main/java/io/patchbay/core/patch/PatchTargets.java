package io.patchbay.core.patch;

import io.patchbay.core.headers.PatchTarget;
import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Slot;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The slot a patch is for: the one the operator names, else the one its {@code Patchbay-Patch} header matches
 * (interface, version range, {@code slot=}). Where several match, a replacement bundle's own service name decides
 * when it registers, a fragment patch's host decides at once; none is refused with a sentence that lists them.
 */
public final class PatchTargets {

    /** @param target the slot, or {@code null} when the registration decides among {@code candidates} */
    record Choice(Slot target, List<Slot> candidates) {
    }

    private PatchTargets() {
    }

    /** The slots the patch could go to (one, once chosen); refuses a patch for none, or for several. */
    public static List<Slot> candidates(PatchJar patch, String named, List<Slot> all) {
        return choose(patch, named, all).candidates();
    }

    static Choice choose(PatchJar patch, String named, List<Slot> all) {
        if (named != null && !named.isBlank()) {
            Slot slot = SlotNames.find(all, named);
            return new Choice(slot, List.of(slot));
        }
        List<Slot> matching = all.stream().filter(s -> patch.targets().stream().anyMatch(t -> t.matches(s)))
                .toList();
        if (matching.isEmpty()) {
            throw new PatchException(patch.name() + " targets no known slot: it asks for "
                    + patch.targets().stream().map(PatchTarget::toString).collect(Collectors.joining(", "))
                    + " and the slots are " + SlotNames.ids(all) + ".");
        }
        if (patch.isFragment()) {
            List<Slot> hosted = matching.stream().filter(s -> s.active() != null
                    && s.active().bundle().getSymbolicName().equals(patch.fragmentHost().name())).toList();
            matching = hosted.isEmpty() ? matching : hosted;
        }
        if (matching.size() == 1) {
            return new Choice(matching.get(0), matching);
        }
        if (patch.isFragment() || matching.stream().map(Slot::type).distinct().count() > 1) {
            throw new PatchException(patch.name() + " matches " + matching.size() + " slots ("
                    + SlotNames.ids(matching) + "); name one with slot= in its Patchbay-Patch header or --slot.");
        }
        return new Choice(null, matching);
    }
}
