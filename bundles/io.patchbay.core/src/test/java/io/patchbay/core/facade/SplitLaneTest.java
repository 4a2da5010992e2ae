package io.patchbay.core.facade;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.patchbay.core.facade.LaneDrainTest.Recording;
import io.patchbay.core.facade.LaneDrainTest.Work;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import io.patchbay.core.slot.Stubs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.junit.Test;

/**
 * A canary's calls take lanes too: a split lane over both arms' lanes, which time what the arms sample. The drain
 * of the arm a canary leaves stays exact, whether the canary is reverted or promoted.
 */
public class SplitLaneTest {

    private static final int CANARIES = 1_000;

    private final Slot slot = new Slot(Work.class, "1.0.0", () -> 5_000);

    @Test
    public void noCallRunsInAnArmAfterItsCanaryEndsOver1000CanariesUnder16Threads() throws Exception {
        canaries(SplitLaneTest::half);
    }

    /**
     * The same with a shallow split (a random draw, which gives up the processor at times as it decides) and arms
     * that time a sample: a share lane, which counts the baseline's calls itself and counts nothing while it
     * decides, so a thread deciding is known only by its top frames.
     */
    @Test
    public void noCallRunsInAnArmAfterAShallowSplitsCanaryEnds() throws Exception {
        canaries(SplitLaneTest::shallowHalf, true);
    }

    private void canaries(BiFunction<Implementation, Implementation, Split> splits) throws Exception {
        canaries(splits, false);
    }

    private void canaries(BiFunction<Implementation, Implementation, Split> splits, boolean observed)
            throws Exception {
        Recording[] recordings = {new Recording(), new Recording(), new Recording()};
        Implementation[] implementations = {Stubs.implementation(slot, "impl", "1.0.0", recordings[0]),
            Stubs.implementation(slot, "impl", "1.0.1", recordings[1]),
            Stubs.implementation(slot, "impl", "1.0.2", recordings[2])};
        for (Implementation implementation : observed ? implementations : new Implementation[0]) {
            implementation.observe(new CountingArm(() -> ThreadLocalRandom.current().nextInt(4))); // a sample
        }
        recordings[1].drained = true;
        recordings[2].drained = true;
        slot.route(implementations[0], false, 0);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> callers = LaneDrainTest.startCallers(running, LaneDrainTest.facades(slot, 4));

        int active = 0;
        int left = 2; // the arm the last canary left stays out of the next, so a late call to it is seen
        long drainsThatTimedOut = 0;
        for (int i = 1; i <= CANARIES; i++) {
            int candidate = 3 - active - left;
            recordings[candidate].drained = false;
            long candidateLaneCalls = implementations[candidate].cells().calls();
            slot.split(splits.apply(implementations[active], implementations[candidate]));
            LaneDrainTest.awaitLaneCalls(implementations[candidate], candidateLaneCalls + 16); // split lanes now
            left = candidate; // reverted
            if (i % 2 == 0) { // promoted: the route moves to the candidate, then the split ends
                slot.route(implementations[candidate], true, i);
                left = active;
                active = candidate;
            }
            slot.split(null);
            drainsThatTimedOut += LaneDrainTest.drainAndMark(implementations[left], recordings[left]);
        }
        LaneDrainTest.stop(running, callers);
        assertEquals(0, drainsThatTimedOut);
        assertEquals("calls that ran in an arm after its drain", 0,
                recordings[0].late.get() + recordings[1].late.get() + recordings[2].late.get());
    }

    /**
     * A third implementation drains while another canary splits the slot and 16 busy consumers stay inside its
     * split lanes at nearly every instant (each call parks in an arm): the drain waits only for the calls a
     * thread had running when it was first counted, not for the split lanes it enters afresh, which cannot
     * reach the drained lane.
     */
    @Test
    public void aDrainEndsWhileBusyConsumersKeepEnteringAnotherCanarysSplitLanes() throws Exception {
        Work parking = input -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            return input;
        };
        Implementation baseline = Stubs.implementation(slot, "impl", "1.0.0", parking);
        Implementation candidate = Stubs.implementation(slot, "impl", "1.0.1", parking);
        Recording drainedRecording = new Recording();
        Implementation drained = Stubs.implementation(slot, "impl", "1.0.2", drainedRecording);
        slot.route(drained, false, 0);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> callers = LaneDrainTest.startCallers(running, LaneDrainTest.facades(slot, 4));

        int drainsThatTimedOut = 0;
        for (int round = 1; round <= 20 && drainsThatTimedOut == 0; round++) {
            LaneDrainTest.awaitLaneCalls(drained, drained.cells().calls() + 16);
            long candidateLaneCalls = candidate.cells().calls();
            slot.route(baseline, true, round);
            slot.split(new Split(baseline, candidate) {
                @Override
                protected boolean toCandidate(Seat seat) {
                    return ThreadLocalRandom.current().nextBoolean();
                }
            });
            LaneDrainTest.awaitLaneCalls(candidate, candidateLaneCalls + 16); // the callers are in split lanes
            drainsThatTimedOut += LaneDrainTest.drainAndMark(drained, drainedRecording);
            slot.split(null);
            drainedRecording.drained = false;
            slot.route(drained, true, round);
        }
        LaneDrainTest.stop(running, callers);
        assertEquals("drains held past 10 s by calls in other split lanes", 0, drainsThatTimedOut);
        assertEquals("calls that ran in the drained implementation after its drain", 0, drainedRecording.late.get());
    }

    @Test
    public void anArmsLaneTimesTheCallsItSamplesAndTellsItOfErrors() {
        Implementation baseline = Stubs.implementation(slot, "impl", "1.0.0", (Work) input -> input);
        List<String> frames = new ArrayList<>();
        Implementation candidate = Stubs.implementation(slot, "impl", "1.0.1", (Work) input -> {
            frames.clear();
            for (StackTraceElement frame : new Throwable().getStackTrace()) {
                frames.add(frame.getClassLoaderName() + "/" + frame.getClassName());
            }
            if (input < 0) {
                throw new IllegalArgumentException("negative");
            }
            return input + 1;
        });
        slot.route(baseline, false, 0);
        CountingArm arm = CountingArm.everyCall();
        candidate.observe(arm);
        slot.split(Stubs.toCandidate(baseline, candidate));
        Work facade = LaneDrainTest.facades(slot, 1).get(0);

        assertEquals("the counted call that hands out the split lane", 2, facade.run(1));
        for (int i = 0; i < 10; i++) {
            assertEquals(3, facade.run(2));
        }
        assertEquals("calls through the candidate's lane", 10, candidate.cells().calls());
        assertTrue("the call went through the split lane to the candidate's timed lane", frames.stream()
                .anyMatch(frame -> frame.startsWith("patchbay-split:") && frame.endsWith("$SplitLane"))
                && frames.stream().anyMatch(frame -> frame.startsWith("patchbay-lane:")
                        && frame.endsWith("$TimedLane")));
        assertEquals("every call timed, on both paths", 11, arm.timed.get());
        try {
            facade.run(-1);
            fail("the candidate's failure reaches the consumer");
        } catch (IllegalArgumentException expected) {
            assertEquals(1, candidate.errors());
            assertEquals(1, arm.threw.get());
        }

        candidate.trace(CountingArm.everyCall()); // a trace wants every call and its consumer: the counted path
        assertEquals(3, facade.run(2));
        assertEquals(3, facade.run(2));
        assertEquals("no lane while a trace observes an arm", 11, candidate.cells().calls());
        assertSame(baseline, slot.active());
        assertFalse(baseline.cells().calls() > 0);
        assertTrue(candidate.calls() >= 14);
    }

    /**
     * A canary that sends about half the calls to the candidate, at random, and often gives up the processor
     * while it decides, deep below the split lane (as a key split's lookup can be stopped): a thread then sits in
     * the split lane with no arm on its stack yet, about to call one.
     */
    private static Split half(Implementation baseline, Implementation candidate) {
        return new Split(baseline, candidate) {
            @Override
            protected boolean toCandidate(Seat seat) {
                return decide(Recording.DEEP); // deeper than a drain reads stacks: only the split cells tell
            }

            private boolean decide(int frames) {
                if (frames > 0) {
                    return decide(frames - 1);
                }
                int draw = ThreadLocalRandom.current().nextInt(8);
                if (draw < 2) {
                    Thread.yield();
                }
                return (draw & 1) == 0;
            }
        };
    }

    private static Split shallowHalf(Implementation baseline, Implementation candidate) {
        return new Split(baseline, candidate) {
            @Override
            public boolean decidesByGaps() {
                return true;
            }

            @Override
            protected boolean toCandidate(Seat seat) {
                int draw = ThreadLocalRandom.current().nextInt(8);
                if (draw < 2) {
                    Thread.yield();
                }
                return (draw & 1) == 0;
            }
        };
    }
}
