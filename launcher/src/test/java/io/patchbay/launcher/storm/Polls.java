package io.patchbay.launcher.storm;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Waiting for a state the launcher shows only when asked (a slot, a file): asked every 50 ms, with a deadline. */
final class Polls {

    /** A question about the launcher's state; asking may fail. */
    interface Condition {
        boolean holds() throws Exception;
    }

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Polls() {
    }

    /**
     * Asks until the condition holds or {@code untilNanos} (a {@link System#nanoTime} value) passes; the park is
     * the interval between questions only.
     */
    static boolean until(Condition condition, long untilNanos) throws Exception {
        while (true) {
            if (condition.holds()) {
                return true;
            }
            if (System.nanoTime() >= untilNanos) {
                return false;
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }
}
