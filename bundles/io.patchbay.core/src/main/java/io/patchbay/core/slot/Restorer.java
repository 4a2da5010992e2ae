package io.patchbay.core.slot;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * After a restart a slot waits for its saved active implementation before serving any call. If that one has not
 * come back within the damping timeout (its bundle failed to start, say), the slot falls back on what it has.
 */
final class Restorer {

    private final Switcher switcher;
    private final LongSupplier dampingMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "patchbay-restore");
        thread.setDaemon(true);
        return thread;
    });

    Restorer(Switcher switcher, LongSupplier dampingMillis) {
        this.switcher = switcher;
        this.dampingMillis = dampingMillis;
    }

    void giveUpAfterDamping(Slot slot) {
        timer.schedule(() -> {
            synchronized (slot) {
                if (slot.awaiting() != null && slot.active() == null) {
                    slot.fallback().ifPresent(fallback -> switcher.change(slot, fallback, new Switcher.Change(
                            "fallback", "framework", slot.awaiting() + " did not come back after a restart",
                            null, false)));
                }
            }
        }, dampingMillis.getAsLong(), TimeUnit.MILLISECONDS);
    }

    void close() {
        timer.shutdownNow();
    }
}
