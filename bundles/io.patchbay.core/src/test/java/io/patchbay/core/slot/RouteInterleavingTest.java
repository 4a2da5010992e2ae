package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Test;

/**
 * Interleavings at the route itself, each forced at a hook: a canary's arm leaving while the judge steps, a call
 * below a patch choosing an implementation that leaves before the call is counted.
 */
public class RouteInterleavingTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation original = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
    private final Implementation patch = Stubs.implementation(slot, "patch", "1.0.1", (Supplier<String>) () -> "b");
    private final Implementation standby = Stubs.implementation(slot, "other", "1.0.2", (Supplier<String>) () -> "c");

    @After
    public void noHooks() {
        Seat.beforeStart = () -> {
        };
    }

    @Test
    public void aStepAfterTheCandidateLeftDoesNotBringTheSplitBack() {
        slot.add(original);
        slot.add(patch);
        slot.route(original, false, 0);
        slot.split(split());

        slot.remove(patch); // the candidate unregisters: its canary is being ended ...
        assertNull("calls go on to the baseline at once", slot.split());
        slot.split(split()); // ... while the judge, working from its copy, enters the next step

        assertNull("no split outlives its canary", slot.split());
        assertSame(original, slot.enter());
    }

    @Test
    public void aCallBelowAPatchThatChoseADepartingImplementationGoesElsewhere() {
        slot.add(original);
        slot.add(patch);
        slot.add(standby);
        slot.route(original, false, 0);
        slot.route(patch, true, 1); // the patch is active, the original below it
        Seat seat = new Seat(slot, patch.bundle());
        boolean[] drained = new boolean[1];
        Seat.beforeStart = () -> { // the call chose the original; it leaves and drains before the call counts
            if (!drained[0] && !original.gone()) {
                slot.remove(original);
                drained[0] = awaitDrained(original);
            }
        };

        Implementation reached = seat.enterBelow();

        assertTrue("the drain had reported done", drained[0]);
        assertNotSame("no call reaches it after that", original, reached);
        assertEquals(0, original.inFlight());
        assertSame(standby, reached);
    }

    private Split split() {
        return new Split(original, patch) {
            @Override
            protected boolean toCandidate(Seat seat) {
                return true;
            }
        };
    }

    private static boolean awaitDrained(Implementation implementation) {
        try {
            return implementation.awaitDrained(0, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
