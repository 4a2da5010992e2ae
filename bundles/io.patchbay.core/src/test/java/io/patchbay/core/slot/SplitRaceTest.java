package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.Test;

/**
 * A canary ends by clearing the slot's split, then waits for its candidate's calls to drain. A call that read
 * the split and chose the candidate just before it was cleared, but had not yet counted its start, must not
 * land on the candidate after the drain said it was over: it re-reads the split after counting, and goes to the
 * baseline. The interleaving is forced by a split that stops inside its decision.
 */
public class SplitRaceTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation baseline = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
    private final Implementation candidate = Stubs.implementation(slot, "impl", "1.0.1", (Supplier<String>) () -> "b");

    @Test
    public void aCallThatChoseTheCandidateAsTheSplitEndedGoesToTheBaseline() throws Exception {
        slot.add(baseline);
        slot.add(candidate);
        slot.route(baseline, false, 0);
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch decide = new CountDownLatch(1);
        slot.split(new Split(baseline, candidate) {
            @Override
            protected boolean toCandidate(Seat seat) {
                deciding.countDown();
                await(decide);
                return true;
            }
        });
        CompletableFuture<Implementation> call = CompletableFuture.supplyAsync(slot::enter);
        assertTrue(deciding.await(10, TimeUnit.SECONDS)); // the call has read the split and is choosing

        slot.split(null); // the canary ends ...
        assertTrue("nothing runs on the candidate", candidate.awaitDrained(1, TimeUnit.SECONDS)); // ... and drains
        decide.countDown(); // the call chose the candidate before the end, and only now counts its start

        Implementation answered = call.get(10, TimeUnit.SECONDS);
        assertSame("the call went to the baseline", baseline, answered);
        answered.exit();
        assertEquals(0, candidate.inFlight());
        assertEquals(0, candidate.calls());
    }

    @Test
    public void aSplitSendsOnlyTheCallsItChoosesToTheCandidate() {
        slot.add(baseline);
        slot.add(candidate);
        slot.route(baseline, false, 0);
        int[] call = { 0 };
        slot.split(new Split(baseline, candidate) {
            @Override
            protected boolean toCandidate(Seat seat) {
                return call[0]++ % 4 == 0;
            }
        });
        for (int i = 0; i < 100; i++) {
            slot.enter().exit();
        }
        assertEquals(25, candidate.calls());
        assertEquals(75, baseline.calls());
        slot.route(candidate, true, 0); // promoted: the split no longer matches the route, every call follows it
        for (int i = 0; i < 10; i++) {
            assertSame(candidate, slot.enter());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
