package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.SlotUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.Test;

/** A call that finds no implementation waits the damping time for one, and no longer. */
public class WaitingCallsTest {

    @Test
    public void aCallWaitsTheWholeDampingTimeBeforeItFails() {
        Slot slot = new Slot(Supplier.class, "1.0.0", () -> 100);
        long start = System.nanoTime();
        assertThrows(SlotUnavailableException.class, slot::enter);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue("waited " + waited + " ms", waited >= 100);
    }

    @Test
    public void anInterruptedWaitFailsTheCallAndKeepsTheInterrupt() {
        Slot slot = new Slot(Supplier.class, "1.0.0", () -> 10_000);
        Thread.currentThread().interrupt();
        SlotUnavailableException failure = assertThrows(SlotUnavailableException.class, slot::enter);
        assertTrue("the interrupt is kept", Thread.interrupted());
        assertEquals("Interrupted while waiting for an implementation of java.util.function.Supplier@1.0.0#default",
                failure.getMessage());
    }

    @Test
    public void aCallAlreadyWaitingGoesToTheImplementationRoutedThen() throws Exception {
        Slot slot = new Slot(Supplier.class, "1.0.0", () -> 60_000);
        Implementation arriving = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
        CompletableFuture<Implementation> call = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                call.complete(slot.enter());
            } catch (RuntimeException e) {
                call.completeExceptionally(e);
            }
        }, "waiting caller");
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (caller.getState() != Thread.State.TIMED_WAITING) { // parked on the slot, in the damping wait
            assertTrue("the caller never waited", System.nanoTime() < deadline);
            Thread.onSpinWait();
        }
        slot.route(arriving, false, 1);
        assertSame(arriving, call.get(10, TimeUnit.SECONDS));
        assertEquals(1, arriving.inFlight());
    }
}
