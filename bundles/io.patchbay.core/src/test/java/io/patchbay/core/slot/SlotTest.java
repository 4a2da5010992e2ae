package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.SlotUnavailableException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.Test;

public class SlotTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation original = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
    private final Implementation patch = Stubs.implementation(slot, "impl", "1.0.1", (Supplier<String>) () -> "b");

    @Test
    public void idIsInterfaceAtApiVersion() {
        assertEquals("java.util.function.Supplier@1.0.0#default", slot.id());
    }

    @Test
    public void routeSwitchesAtOnceAndRemembersForRevert() {
        slot.add(original);
        slot.add(patch);
        slot.route(original, false, 1);
        assertSame(original, slot.enter());
        original.exit();

        assertSame(original, slot.route(patch, true, 2));
        assertSame(patch, slot.enter());
        patch.exit();
        assertEquals(List.of("impl/1.0.0"), slot.previous());
        assertSame(original, slot.revertTarget().orElseThrow());

        slot.route(original, false, 3);
        assertEquals("the revert target leaves the stack", List.of(), slot.previous());
        assertEquals(Set.of("impl/1.0.0", "impl/1.0.1"), slot.known());
        assertEquals(1, original.calls());
        assertEquals(1, patch.calls());
    }

    @Test
    public void revertSkipsImplementationsThatWentAway() {
        Implementation third = Stubs.implementation(slot, "impl", "1.0.2", (Supplier<String>) () -> "c");
        slot.add(original);
        slot.add(third);
        slot.route(original, false, 1);
        slot.route(patch, true, 2); // patch is not registered with the slot: it went away
        slot.route(third, true, 3);
        assertEquals(List.of("impl/1.0.1", "impl/1.0.0"), slot.previous());
        assertSame(original, slot.revertTarget().orElseThrow());
        assertEquals(List.of("impl/1.0.0"), slot.previous());
    }

    @Test
    public void callsWaitForAnImplementationThenFailNamingTheSlot() {
        SlotUnavailableException failure = assertThrows(SlotUnavailableException.class, slot::enter);
        assertEquals("Slot java.util.function.Supplier@1.0.0#default has had no implementation for 200 ms",
                failure.getMessage());
    }

    @Test
    public void aWaitingCallIsReleasedByTheNextRoute() throws Exception {
        Slot patient = new Slot(Supplier.class, "1.0.0", () -> 10_000);
        Implementation arriving = Stubs.implementation(patient, "impl", "1.0.0", (Supplier<String>) () -> "a");
        CompletableFuture<Implementation> call = CompletableFuture.supplyAsync(patient::enter);
        assertFalse(call.isDone());
        patient.route(arriving, false, 1);
        assertSame(arriving, call.get(5, TimeUnit.SECONDS));
    }

    @Test
    public void drainWaitsForRunningCallsOnly() throws Exception {
        slot.route(original, false, 1);
        Implementation running = slot.enter();
        slot.route(patch, true, 2);
        assertEquals(1, original.inFlight());
        assertFalse("a call is still running", original.awaitDrained(20, TimeUnit.MILLISECONDS));

        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return original.awaitDrained(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        running.exit();
        assertTrue(drained.get(5, TimeUnit.SECONDS));
        assertEquals(0, original.inFlight());
    }

    @Test
    public void failuresAreCountedAndHandedBack() {
        slot.route(original, false, 1);
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, slot.enter().fail(boom));
        assertEquals(1, original.errors());
        assertEquals(1, original.calls());
        assertEquals(0, original.inFlight());
    }

    @Test
    public void restoreWaitsForTheSavedImplementation() {
        slot.restore("impl/1.0.1", List.of("impl/1.0.0"), Set.of("impl/1.0.0", "impl/1.0.1"));
        assertEquals("impl/1.0.1", slot.awaiting());
        assertNull(slot.active());
        slot.route(patch, false, 1);
        assertNull(slot.awaiting());
        assertTrue(slot.isKnown("impl/1.0.0"));
    }
}
