package io.patchbay.itest;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** A bounded wait for a condition that has no event to wait on (an HTTP port opening, say). */
public final class Deadline {

    private final long end;

    public Deadline(Duration timeout) {
        this.end = System.nanoTime() + timeout.toNanos();
    }

    public boolean passed() {
        return System.nanoTime() - end > 0;
    }

    /** The polling interval between two checks of the condition; not a synchronisation point. */
    public void pause() {
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
}
