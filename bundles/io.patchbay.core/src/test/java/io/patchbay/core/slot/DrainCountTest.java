package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.Test;

/**
 * The count of running calls that drain trusts may over-count but never under-count, whatever a concurrent sum of
 * the counters sees. The interleaving is forced: the sum of started calls is stopped between its cells while a
 * call starts and is abandoned (a switch happened between its start and its re-read of the route).
 */
public class DrainCountTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final TornAdder started = new TornAdder();
    private final Implementation old = new Implementation(slot,
            Stubs.reference(Stubs.bundle(1, "impl", "1.0.0"), Map.of("service.id", 1L)),
            (Supplier<String>) () -> "a", started);

    @Test
    public void anAbandonedStartSeenHalfWayNeverHidesACallStillRunning() throws Exception {
        old.started(); // a call that really runs on the old implementation, and keeps running
        TornAdder.Gap gap = started.pauseNextSum();
        CompletableFuture<Long> counted = CompletableFuture.supplyAsync(old::inFlight);
        gap.awaitReached(); // the count has read the first cell of the started calls, not yet the second

        old.started(); // another call counts its start, then finds the route moved and leaves
        old.abandoned();
        gap.resume();

        assertEquals("the running call is counted", 1, (long) counted.get(10, TimeUnit.SECONDS));
        assertEquals(1, old.inFlight());
    }

    @Test
    public void drainWaitsForTheRunningCallWhenAStartWasAbandoned() throws Exception {
        old.started();
        old.started();
        old.abandoned();
        assertEquals(1, old.inFlight());
        assertEquals("a running call: not drained", false, old.awaitDrained(20, TimeUnit.MILLISECONDS));
        old.exit();
        assertEquals(true, old.awaitDrained(5, TimeUnit.SECONDS));
    }
}
