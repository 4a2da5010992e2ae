package io.patchbay.core.facade;

import static org.junit.Assert.assertTrue;

import io.patchbay.core.slot.CallObserver;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A canary's arm for the lane tests: leaves the gaps it is given untimed between two timed calls (a gap of 0
 * times every call), and counts the calls timed and the errors it is told of.
 */
final class CountingArm implements CallObserver {

    final AtomicLong timed = new AtomicLong();
    final AtomicLong threw = new AtomicLong();
    private final LongSupplier gaps;

    CountingArm(LongSupplier gaps) {
        this.gaps = gaps;
    }

    /** Times every call, on both paths. */
    static CountingArm everyCall() {
        return new CountingArm(() -> 0);
    }

    @Override
    public boolean timesThisCall() {
        return gaps.getAsLong() == 0;
    }

    @Override
    public long untimedAhead() {
        return gaps.getAsLong();
    }

    @Override
    public void timed(long nanos) {
        assertTrue("a call's own time: " + nanos, nanos >= 0 && nanos < 10_000_000_000L);
        timed.incrementAndGet();
    }

    @Override
    public void threw(Throwable failure) {
        threw.incrementAndGet();
    }
}
