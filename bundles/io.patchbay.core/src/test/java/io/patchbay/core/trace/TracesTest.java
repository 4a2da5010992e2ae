package io.patchbay.core.trace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.TraceDTO;
import io.patchbay.core.slot.CallObserver;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Test;

/**
 * A trace records consumer and implementation per call, stops at its count, and leaves the call path as it found
 * it: no clock when nothing observes, the canary's observer still told when one was there.
 */
public class TracesTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation impl = Stubs.implementation(slot, "impl", "1.0.1", (Supplier<String>) () -> "a");
    private final Seat seat = new Seat(slot, Stubs.bundle(7, "consumer", "2.0.0"));
    private final Traces traces = new Traces(() -> () -> "tenant-7");

    {
        slot.add(impl);
        slot.route(impl, false, 1);
    }

    @After
    public void close() {
        traces.close();
    }

    @Test
    public void recordsConsumerAndImplementationAndStopsAtTheCountWithNothingLeftOnTheCallPath() throws Exception {
        assertEquals("off: no clock", 0L, impl.clock());
        TraceDTO trace = traces.start(slot, 2, 60_000);
        call(seat, null);
        call(seat, new IllegalStateException("no"));
        call(seat, null); // after the count: not recorded
        TraceDTO read = traces.read(trace.id, 0, 0);
        assertTrue(read.done);
        assertEquals("2 calls recorded.", read.stopped);
        assertEquals(2, read.calls.size());
        assertEquals("consumer/2.0.0", read.calls.get(0).consumer);
        assertEquals(7, read.calls.get(0).consumerBundle);
        assertEquals("impl/1.0.1", read.calls.get(0).implementation);
        assertEquals(null, read.calls.get(0).key); // no canary: no key
        assertEquals(IllegalStateException.class.getName(), read.calls.get(1).exception);
        assertEquals("stopped: off again", 0L, impl.clock());
        assertEquals(1, traces.read(trace.id, 1, 0).calls.size());
    }

    @Test
    public void aTraceAndACanaryObserveOneImplementationAndTheCanaryStaysWhenTheTraceStops() throws Exception {
        AtomicInteger timed = new AtomicInteger();
        impl.observe(new CallObserver() {
            @Override
            public boolean timesThisCall() {
                return true;
            }

            @Override
            public void timed(long nanos) {
                timed.incrementAndGet();
            }

            @Override
            public void threw(Throwable failure) {
            }
        });
        TraceDTO trace = traces.start(slot, 5, 60_000);
        call(seat, null);
        assertEquals(1, timed.get());
        assertEquals(1, traces.read(trace.id, 0, 0).calls.size());
        traces.stop(trace.id);
        assertNotEquals("the canary still times", 0L, impl.clock());
        call(seat, null);
        assertEquals(2, timed.get());
        assertEquals(1, traces.read(trace.id, 0, 0).calls.size());
    }

    @Test
    public void stopsByTimeAndRefusesASecondTraceOfTheSlotAndBadBounds() throws Exception {
        TraceDTO trace = traces.start(slot, 10, 50);
        assertThrows(PatchException.class, () -> traces.start(slot, 10, 50)); // while it runs
        TraceDTO read = traces.read(trace.id, 0, 5_000);
        assertTrue(read.done);
        assertEquals("50 ms passed.", read.stopped);
        assertEquals(0L, impl.clock());
        assertThrows(PatchException.class, () -> traces.start(slot, 0, 50));
        assertThrows(PatchException.class, () -> traces.start(slot, 1, Traces.MAX_MILLIS + 1));
        assertThrows(PatchException.class, () -> traces.read(999, 0, 0));
    }

    private void call(Seat from, Throwable failure) {
        Implementation route = slot.enter(from);
        long start = route.clock();
        if (failure == null) {
            route.exit(start, from);
        } else {
            route.fail(failure, start, from);
        }
    }
}
