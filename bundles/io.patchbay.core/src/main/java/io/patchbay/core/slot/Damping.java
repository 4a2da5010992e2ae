package io.patchbay.core.slot;

import io.patchbay.api.SlotUnavailableException;
import java.util.concurrent.TimeUnit;

/** A call that finds its slot with no implementation waits here, on the slot, until one is routed or time is up. */
final class Damping {

    private Damping() {
    }

    /** The implementation routed within {@code timeout} ms; {@link Slot#route} wakes the waiters. */
    static Implementation await(Slot slot, long timeout) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        synchronized (slot) {
            Implementation current;
            while ((current = slot.active()) == null) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new SlotUnavailableException("Slot " + slot.id() + " has had no implementation for "
                            + timeout + " ms");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(slot, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SlotUnavailableException("Interrupted while waiting for an implementation of "
                            + slot.id());
                }
            }
            return current;
        }
    }
}
