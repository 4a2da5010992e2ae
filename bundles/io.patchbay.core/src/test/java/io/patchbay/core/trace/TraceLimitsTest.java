package io.patchbay.core.trace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.TraceDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Test;

/** A trace's bounds in sentences, its stop on request, and a reader woken by the call it waits for. */
public class TraceLimitsTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Traces traces = new Traces(() -> () -> null);

    {
        Implementation impl = FakeBundles.implementation(slot,
                new FakeBundles(Path.of("unused")).add(3, "impl", "1.0.0"));
        slot.route(impl, false, 1);
    }

    @After
    public void close() {
        traces.close();
    }

    @Test
    public void theBoundsAreSaidInOneSentence() {
        assertEquals("A trace records 1 to 10000 calls, not 0.", refusal(0, 1));
        assertEquals("A trace records 1 to 10000 calls, not 10001.", refusal(Traces.MAX_CALLS + 1, 1));
        assertEquals("A trace lasts 1 ms to 3600 seconds, not 0 ms.", refusal(1, 0));
        assertEquals("A trace lasts 1 ms to 3600 seconds, not 3600001 ms.", refusal(1, Traces.MAX_MILLIS + 1));
        assertEquals("There is no trace 42: traces are kept 10 minutes after they stop.",
                assertThrows(PatchException.class, () -> traces.stop(42)).getMessage());
        TraceDTO longest = traces.start(slot, Traces.MAX_CALLS, Traces.MAX_MILLIS);
        assertEquals(Traces.MAX_CALLS, longest.maxCalls);
        assertEquals(Traces.MAX_MILLIS, longest.maxMillis);
    }

    @Test
    public void aStoppedTraceLetsTheSlotBeTracedAgain() throws Exception {
        TraceDTO first = traces.start(slot, 5, 60_000);
        assertEquals(slot.id() + " is being traced already (trace " + first.id + "); it stops by itself, or stop it"
                + " first.", refusal(5, 60_000));
        TraceDTO stopped = traces.stop(first.id);
        assertTrue(stopped.done);
        assertEquals("Stopped by request.", stopped.stopped);
        assertEquals(slot.id(), stopped.slot);
        assertEquals("a second stop changes nothing", "Stopped by request.", traces.stop(first.id).stopped);
        TraceDTO second = traces.start(slot, 1, 60_000);
        assertEquals(first.id + 1, second.id);
        assertFalse(second.done);
        traces.close();
        assertEquals("The manager stopped.", traces.read(second.id, 0, 0).stopped);
    }

    @Test
    public void aReaderWaitsForTheNextCallAndReadsFromWhereItIs() throws Exception {
        TraceDTO trace = traces.start(slot, 3, 60_000);
        CompletableFuture<TraceDTO> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return traces.read(trace.id, 0, 60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Implementation route = slot.enter();
        route.exit(route.clock());
        TraceDTO read = reader.get(30, TimeUnit.SECONDS);
        assertEquals(1, read.calls.size());
        assertFalse(read.done);
        assertEquals(1, read.next);
        TraceDTO beyond = traces.read(trace.id, 9, 0);
        assertEquals("a start past the end reads from the end", 1, beyond.from);
        assertEquals(0, beyond.calls.size());
        assertEquals(0, traces.read(trace.id, -3, 0).from);
    }

    @Test
    public void secondsAreWholeSecondsOrMilliseconds() {
        assertEquals("1 second", Trace.seconds(1000));
        assertEquals("2 seconds", Trace.seconds(2000));
        assertEquals("1500 ms", Trace.seconds(1500));
        assertEquals("50 ms", Trace.seconds(50));
    }

    private String refusal(int calls, long millis) {
        return assertThrows(PatchException.class, () -> traces.start(slot, calls, millis)).getMessage();
    }
}
