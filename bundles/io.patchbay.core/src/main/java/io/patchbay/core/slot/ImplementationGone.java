package io.patchbay.core.slot;

import io.patchbay.api.PatchException;

/**
 * A switch chose an implementation that was unregistered before the route could point at it. Nothing changed; an
 * operator's switch reports this sentence, the manager's own fallbacks choose again.
 */
public final class ImplementationGone extends PatchException {

    private static final long serialVersionUID = 1L;

    ImplementationGone(Implementation implementation, Slot slot) {
        super(implementation.id() + " went away before " + slot.id() + " could switch to it; nothing changed.");
    }
}
