package io.patchbay.core;

import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/** Answers "is this patch applied, and where?". */
final class PatchStatus {

    private PatchStatus() {
    }

    static PatchStatusDTO of(String patch, Bundle[] bundles, List<Slot> slots) {
        PatchStatusDTO status = new PatchStatusDTO();
        status.patch = patch;
        String wanted = patch == null ? "" : patch.trim();
        List<Bundle> matching = Stream.of(bundles).filter(b -> PatchManagerImpl.matches(b, wanted)).toList();
        status.installed = !matching.isEmpty();
        status.slots = slots.stream().filter(s -> {
            Implementation active = s.active();
            return active != null && (matching.contains(active.bundle())
                    || matching.stream().anyMatch(b -> active.id().contains("+" + Implementation.bundleId(b))));
        }).map(Slot::id).toList();
        status.applied = !status.slots.isEmpty();
        if (status.applied) {
            status.message = wanted + " is applied: active in " + String.join(", ", status.slots) + ".";
        } else if (status.installed) {
            status.message = wanted + " is installed but not applied: it is active in no slot.";
        } else {
            status.message = wanted + " is not installed.";
        }
        return status;
    }
}
