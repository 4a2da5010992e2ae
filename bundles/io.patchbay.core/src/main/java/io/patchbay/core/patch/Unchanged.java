package io.patchbay.core.patch;

import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.Changes;
import io.patchbay.core.slot.Slot;

/** The answer to an operation that found nothing to do. */
public final class Unchanged {

    private Unchanged() {
    }

    public static ChangeDTO of(Slot slot, String message) {
        return Changes.unchanged(slot.id(), slot.currentId(), message);
    }
}
