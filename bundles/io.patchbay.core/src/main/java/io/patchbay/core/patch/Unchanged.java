package io.patchbay.core.patch;

import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.core.slot.Slot;

/** The answer to an operation that found nothing to do. */
public final class Unchanged {

    private Unchanged() {
    }

    public static ChangeDTO of(Slot slot, String message) {
        ChangeDTO change = new ChangeDTO();
        change.slot = slot.id();
        change.from = slot.currentId();
        change.to = change.from;
        change.drained = true;
        change.message = message;
        return change;
    }
}
