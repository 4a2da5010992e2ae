package io.patchbay.core.slot;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counted path's accounting of one implementation: calls that could not take a lane (a canary splits the
 * slot, a trace or a canary times the implementation, a call below a patch, the first call of a facade after a
 * route change). In-flight calls are {@code started - finished - abandoned}; {@link Slot#enter(Seat)} re-checks the
 * route after counting a start, so once no route points here no new counted call can slip in and
 * {@link #awaitDrained} is exact for these calls.
 */
final class CountedCalls {

    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final LongAdder started;
    private final LongAdder finished = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile boolean retiring;

    CountedCalls(LongAdder started) {
        this.started = started;
    }

    void started() {
        started.increment();
    }

    void abandoned() {
        abandoned.increment(); // never a decrement of started: a sum could see it before the matching start
        if (retiring) {
            signal();
        }
    }

    void finished() {
        finished.increment();
        if (retiring) {
            signal();
        }
    }

    void failed() {
        errors.increment();
    }

    long calls() {
        return finished.sum();
    }

    long errors() {
        return errors.sum();
    }

    long inFlight() {
        // every counter only grows, and the ends are read before the starts: may over-count, never under-count
        long done = finished.sum() + abandoned.sum();
        return started.sum() - done;
    }

    void activated() {
        retiring = false;
    }

    /** Waits until no counted call is running, or {@code end} (nanoTime) passes. */
    boolean awaitDrained(long end) throws InterruptedException {
        retiring = true;
        synchronized (this) {
            while (inFlight() > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // woken by the last exit; the short slice covers a sum read while a start was being abandoned
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, RECHECK_NANOS));
            }
        }
        return true;
    }

    private synchronized void signal() {
        notifyAll();
    }
}
