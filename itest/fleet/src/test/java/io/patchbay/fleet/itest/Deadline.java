package io.patchbay.fleet.itest;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** A bounded wait for a condition the server offers no event for (a rollout's status, say): poll until true. */
final class Deadline {

    private Deadline() {
    }

    /** The polling interval between two checks of a condition; not a synchronisation point. */
    static void pause() {
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }

    /** Polls {@code condition} until it gives a non-null value, and returns that; fails after {@code timeout}. */
    static <T> T await(String what, Duration timeout, Callable<T> condition) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = condition.call();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            pause();
        }
    }
}
