package io.patchbay.core.slot;

import java.util.Collection;

/**
 * After a restart a slot waits for its saved active implementation before serving any call. Once the framework
 * has started (every start level reached, {@code FrameworkEvent.STARTED}), a slot whose saved implementation has
 * not come back falls back on its revert target or what it has, and says so in the ledger; a slot with nothing
 * at all stops waiting for one implementation and takes the first that comes. A restart never picks a route by a
 * race: nothing is decided before the framework has started.
 */
final class Restorer {

    private final Switcher switcher;
    private volatile boolean settled;

    Restorer(Switcher switcher) {
        this.switcher = switcher;
    }

    boolean settled() {
        return settled;
    }

    void settle(Collection<Slot> slots) {
        settled = true;
        slots.forEach(this::settle);
    }

    private void settle(Slot slot) {
        String awaited;
        synchronized (slot) {
            awaited = slot.awaiting();
            slot.stopAwaiting(); // even with nothing to fall back on: the next implementation to come is routed
        }
        if (awaited == null) {
            return;
        }
        Rerouting.untilRouted(() -> {
            synchronized (slot) {
                return slot.active() != null ? null : slot.fallback().orElse(null);
            }
        }, fallback -> {
            if (fallback != null) {
                switcher.change(slot, fallback, new Switcher.Change("fallback", "framework",
                        awaited + " did not come back after the restart", null, false));
            }
        });
    }
}
