package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.Test;

/** What a canary's or a trace's observer is told of an implementation's calls, alone or both at once. */
public class ObservedCallsTest {

    private static final long LONG_CALL = TimeUnit.SECONDS.toNanos(60);

    /** Records what it is told, as {@code timed}, {@code threw} and {@code ended} lines. */
    private static final class Recording implements CallObserver {
        final List<String> told = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        final boolean timesCalls;

        Recording(boolean timesCalls) {
            this.timesCalls = timesCalls;
        }

        @Override
        public boolean timesThisCall() {
            return timesCalls;
        }

        @Override
        public void timed(long nanos) {
            told.add("timed");
            times.add(nanos);
        }

        @Override
        public void threw(Throwable failure) {
            told.add("threw " + failure.getMessage());
        }
    }

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation implementation = Stubs.implementation(slot, "impl", "1.0.0",
            (Supplier<String>) () -> "a");
    private final Recording canary = new Recording(false);
    private final Recording trace = new Recording(true);

    @Test
    public void oneObserverIsUsedAsItIsAndTwoArePaired() {
        assertNull(ObserverPair.of(null, null));
        assertSame(canary, ObserverPair.of(canary, null));
        assertSame(trace, ObserverPair.of(null, trace));
        CallObserver both = ObserverPair.of(canary, trace);
        assertTrue(both instanceof ObserverPair);
        assertTrue("timed when either times it", both.timesThisCall());
        assertTrue(ObserverPair.of(trace, canary).timesThisCall());
        assertFalse(ObserverPair.of(canary, new Recording(false)).timesThisCall());
    }

    @Test
    public void aPairTellsBothInOrder() {
        CallObserver both = ObserverPair.of(canary, trace);
        both.timed(5);
        both.threw(new IllegalStateException("boom"));
        both.ended(null, 7, new IllegalStateException("again"));
        assertEquals(List.of("timed", "threw boom", "threw again", "timed"), canary.told);
        assertEquals(canary.told, trace.told);
        assertEquals(List.of(5L, 7L), trace.times);
    }

    @Test
    public void anEndedCallIsTimedFromZeroNanosAndNotWhenItWasNotTimed() {
        canary.ended(null, 0, null);
        canary.ended(null, -1, null);
        assertEquals(List.of("timed"), canary.told);
        assertEquals(List.of(0L), canary.times);
    }

    @Test
    public void aCallIsTimedOnlyWhenItsObserverAsks() {
        assertEquals("nothing observes", 0L, implementation.clock());
        implementation.observe(canary);
        assertEquals("the canary times no call", 0L, implementation.clock());
        implementation.exit(implementation.clock());
        assertEquals(List.of(), canary.told);
        assertEquals(1, implementation.calls());

        implementation.trace(trace);
        assertSame(trace, implementation.trace());
        long start = implementation.clock();
        assertTrue(start != 0L);
        implementation.exit(start, null);
        assertEquals(List.of("timed"), canary.told);
        assertEquals(List.of("timed"), trace.told);
        long took = trace.times.get(0);
        assertTrue("the call's own time: " + took, took >= 0 && took < LONG_CALL);
    }

    @Test
    public void aFailedCallIsCountedToldAndHandedBack() {
        implementation.trace(trace);
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, implementation.fail(boom, 0L));
        assertEquals("a call started before the trace is not timed", List.of("threw boom"), trace.told);

        long start = implementation.clock();
        assertSame(boom, implementation.fail(boom, start));
        assertEquals(List.of("threw boom", "threw boom", "timed"), trace.told);
        assertTrue(trace.times.get(0) >= 0 && trace.times.get(0) < LONG_CALL);
        assertEquals(2, implementation.errors());
        assertEquals(2, implementation.calls());
    }

    @Test
    public void stoppingTheCanaryKeepsTheTrace() {
        implementation.observe(canary);
        implementation.trace(trace);
        implementation.observe(null);
        implementation.exit(implementation.clock());
        assertEquals(List.of(), canary.told);
        assertEquals(List.of("timed"), trace.told);
        implementation.trace(null);
        assertNull(implementation.trace());
        assertEquals(0L, implementation.clock());
    }

    @Test
    public void callsRunningWhenItLeftTheRouteDoNotCountAsCallsSinceIdle() {
        Implementation patch = Stubs.implementation(slot, "impl", "1.0.1", (Supplier<String>) () -> "b");
        slot.add(implementation);
        slot.add(patch);
        slot.route(implementation, false, 1);
        Implementation running = slot.enter();
        slot.route(patch, true, 2);
        running.exit();
        assertFalse(implementation.calledSinceIdle());

        implementation.started(); // the patch calls the code it replaced
        implementation.exit();
        assertTrue(implementation.calledSinceIdle());
    }
}
