package io.patchbay.core.canary;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.Test;

/** One side of a canary: what its arm counts, times and takes, and how its tallies and verdicts read. */
public class ArmTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation implementation = Stubs.implementation(slot, "impl", "1.0.1",
            (Supplier<String>) () -> "b");

    private void calls(int calls, int errors) {
        for (int i = 0; i < calls; i++) {
            if (i < errors) {
                implementation.fail(new IllegalStateException("no"), 0L);
            } else {
                implementation.exit();
            }
        }
    }

    @Test
    public void theWarmupCallsAreNotTimed() {
        Arm arm = new Arm(implementation, 3);
        arm.start();
        for (int i = 1; i <= 5; i++) { // as the call path does: timed as the call ends, then counted
            arm.timed(i * 1_000L);
            implementation.exit();
        }
        assertEquals("the fourth and fifth", 2, arm.takeTimes().getTotalCount());
        arm.timed(6_000L); // warm: counted in calls, so an untimed call also warms it up, and it stays warm
        assertEquals(1, arm.takeTimes().getTotalCount());
        Arm cold = new Arm(implementation, 0);
        cold.timed(1_000);
        assertEquals(1, cold.takeTimes().getTotalCount());
    }

    @Test
    public void aBusyArmIsPacedToAFewHundredTimedCallsPerLookAndAQuietOneKeepsItsShare() {
        Arm arm = new Arm(implementation, 0);
        arm.sample(50);
        arm.pace(100); // quiet: the step's share
        assertEquals(0.5, timedShare(arm), 0.01);
        arm.pace(Arm.TIMED_PER_LOOK * 100); // busy: a hundredth of the calls keeps the look's timed calls
        assertEquals(0.01, timedShare(arm), 0.002);
        arm.pace(100_000_000_000L); // never none
        assertTrue(Buckets.drawBoundOf(Arm.TIMED_PER_LOOK / 1e11) > 0);
        arm.sample(100);
        arm.pace(Arm.TIMED_PER_LOOK);
        assertEquals(1.0, timedShare(arm), 0);
        arm.sample(0);
        arm.pace(10);
        assertEquals(0.0, timedShare(arm), 0);
    }

    private static double timedShare(Arm arm) {
        int timed = 0;
        for (int i = 0; i < 200_000; i++) {
            timed += arm.timesThisCall() ? 1 : 0;
        }
        return timed / 200_000.0;
    }

    @Test
    public void onlyCallsSinceTheStartAndTheLastTakeAreTaken() {
        calls(3, 1);
        Arm arm = new Arm(implementation, 0);
        arm.start();
        calls(4, 2);
        assertArrayEquals(new long[] { 4, 2 }, arm.takeCounts());
        calls(1, 0);
        assertArrayEquals(new long[] { 1, 0 }, arm.takeCounts());
    }

    @Test
    public void aWindowCountsTheCallsOfItsStepOnly() {
        Arm arm = new Arm(implementation, 0);
        arm.start();
        calls(5, 2);
        arm.newWindow();
        calls(3, 1);
        assertEquals(3, arm.windowCalls());
        assertEquals(1, arm.windowErrors());
    }

    @Test
    public void anArmTimesItsShareOfCallsWhileItObserves() {
        Arm arm = new Arm(implementation, 0);
        arm.start();
        arm.sample(100);
        assertTrue(arm.timesThisCall());
        assertTrue(implementation.clock() != 0L);
        arm.sample(0);
        for (int i = 0; i < 1_000; i++) {
            assertFalse(arm.timesThisCall());
        }
        arm.sample(100);
        arm.stop();
        assertEquals("no longer observed", 0L, implementation.clock());
    }

    @Test
    public void aLanesGapsHoldForTheShareTheyWereDrawnForOnly() {
        Arm arm = new Arm(implementation, 0);
        arm.sample(100);
        Object everyCall = arm.sampling();
        assertEquals("every call timed: no gap", 0, arm.untimedAhead());
        arm.sample(100);
        assertSame("the same share: the gaps drawn hold", everyCall, arm.sampling());
        arm.pace(250_000); // a busy arm: about one call in a thousand timed
        assertNotSame("a new share: the lanes draw again", everyCall, arm.sampling());
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            sum += arm.untimedAhead();
        }
        assertEquals("gaps of about a thousand calls", 999, sum / 10_000.0, 60);
        Object busy = arm.sampling();
        arm.pace(100); // quiet again: the step's share
        assertNotSame("a gap drawn while busy must not leave a quiet thread untimed", busy, arm.sampling());
        assertEquals(0, arm.untimedAhead());
    }

    @Test
    public void theExceptionsThrownAreCountedByClass() {
        Arm arm = new Arm(implementation, 0);
        arm.threw(new IllegalStateException());
        arm.threw(new IllegalStateException());
        arm.threw(new IllegalArgumentException());
        assertEquals(Map.of("java.lang.IllegalStateException", 2L, "java.lang.IllegalArgumentException", 1L),
                arm.thrown());
    }

    @Test
    public void aNewWindowStartsEmptyAndTheCanarysTotalsStay() {
        ArmTally tally = new ArmTally();
        tally.add(10, 2, Evidences.times(10, 3));
        tally.newWindow();
        tally.add(4, 1, Evidences.times(4, 3));
        assertEquals(14, tally.calls());
        assertEquals(3, tally.errors());
        assertEquals(4, tally.windowCalls());
        assertEquals(1, tally.windowErrors());
        assertEquals(14, tally.all().getTotalCount());
        assertEquals(4, tally.window().getTotalCount());
    }

    @Test
    public void anArmsViewTellsItsTimesInMicroseconds() {
        ArmTally tally = new ArmTally();
        CanaryView.ArmView empty = CanaryView.ArmView.of(tally, 0);
        assertEquals(0, empty.timed());
        assertEquals(0, empty.p50Micros(), 0);
        tally.add(100, 0, Evidences.times(100, 2_000));
        CanaryView.ArmView view = CanaryView.ArmView.of(tally, 7);
        assertEquals(100, view.timed());
        assertEquals(2_000, view.p50Micros(), 20);
        assertEquals(2_000, view.p99Micros(), 20);
        assertEquals(7, view.slow());
    }

    @Test
    public void aVerdictFailedOnErrorsWhenTheErrorTestReachedItsRejectBound() {
        assertTrue(new Verdict(Verdict.Decision.FAIL, "", 3.0, 5.0, -1, 3.0).failedOnErrors());
        assertFalse(new Verdict(Verdict.Decision.FAIL, "", 2.9, 5.0, -1, 3.0).failedOnErrors());
    }
}
