package io.patchbay.core.facade;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.patchbay.core.facade.LaneDrainTest.Work;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import io.patchbay.core.slot.Stubs;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * A canary's small share of calls takes a share lane: it sends the share to the candidate's lane, and counts and
 * times the baseline's calls itself, with no lane of the baseline's between.
 */
public class ShareLaneTest {

    private final Slot slot = new Slot(Work.class, "1.0.0", () -> 5_000);
    private final List<String> frames = new ArrayList<>();
    private final Implementation baseline = Stubs.implementation(slot, "impl", "1.0.0", (Work) input -> {
        record();
        if (input < 0) {
            throw new IllegalStateException("negative");
        }
        return input;
    });
    private final Implementation candidate = Stubs.implementation(slot, "impl", "1.0.1", (Work) input -> {
        record();
        return input + 1;
    });

    @Test
    public void aShareLaneSendsItsShareToTheCandidateAndCountsAndTimesTheBaselinesCallsItself() {
        CountingArm baselineArm = new CountingArm(() -> 1); // times every second call
        CountingArm candidateArm = CountingArm.everyCall();
        baseline.observe(baselineArm);
        candidate.observe(candidateArm);
        slot.route(baseline, false, 0);
        slot.split(everyFourth(true));
        Work facade = LaneDrainTest.facades(slot, 1).get(0);
        assertEquals("the counted call that hands out the share lane", 1, facade.run(1));
        long timedBefore = baselineArm.timed.get();

        int toCandidate = 0;
        for (int i = 0; i < 400; i++) {
            toCandidate += facade.run(2) == 3 ? 1 : 0;
            assertTrue(frames.toString(), frames.stream().anyMatch(frame -> frame.startsWith("patchbay-split:")
                    && frame.endsWith("$ShareLane")));
        }
        assertEquals("every fourth call", 100, toCandidate);
        assertEquals(300, baseline.cells().calls());
        assertEquals(100, candidate.cells().calls());
        assertEquals("every second baseline call timed", 150, baselineArm.timed.get() - timedBefore);
        assertEquals("the candidate's lane times its calls", 100, candidateArm.timed.get());

        facade.run(2); // to the baseline: no lane of its own on the stack
        assertFalse(frames.toString(), frames.stream().anyMatch(frame -> frame.startsWith("patchbay-lane:")));
        facade.run(2);
        facade.run(2);
        facade.run(2); // to the candidate, through its timed lane
        assertTrue(frames.toString(), frames.stream().anyMatch(frame -> frame.startsWith("patchbay-lane:")
                && frame.endsWith("$TimedLane")));

        try {
            facade.run(-1);
            fail("the baseline's failure reaches the consumer");
        } catch (IllegalStateException expected) {
            assertEquals(1, baseline.errors());
            assertEquals(1, baselineArm.threw.get());
            assertEquals("the cell counted the failed call's end", 0, baseline.cells().inFlight());
        }
    }

    @Test
    public void withNoArmObservingTheBaselineTheSplitTakesASplitLane() {
        slot.route(baseline, false, 0);
        slot.split(everyFourth(true));
        Work facade = LaneDrainTest.facades(slot, 1).get(0);
        facade.run(1);
        facade.run(2);
        assertTrue(frames.toString(), frames.stream().anyMatch(frame -> frame.endsWith("$SplitLane")));
    }

    @Test
    public void aSplitThatDoesNotDecideByGapsTakesASplitLane() {
        baseline.observe(CountingArm.everyCall());
        candidate.observe(CountingArm.everyCall());
        slot.route(baseline, false, 0);
        slot.split(everyFourth(false));
        Work facade = LaneDrainTest.facades(slot, 1).get(0);
        facade.run(1);
        facade.run(2);
        assertTrue(frames.toString(), frames.stream().anyMatch(frame -> frame.endsWith("$SplitLane")));
        assertFalse(frames.toString(), frames.stream().anyMatch(frame -> frame.endsWith("$ShareLane")));
    }

    private void record() {
        frames.clear();
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            frames.add(frame.getClassLoaderName() + "/" + frame.getClassName());
        }
    }

    /** A share of a fourth of the calls: three to the baseline, then one to the candidate, by gaps if told. */
    private Split everyFourth(boolean byGaps) {
        return new Split(baseline, candidate) {
            private int calls;

            @Override
            public boolean decidesByGaps() {
                return byGaps;
            }

            @Override
            protected long baselineCallsAhead() {
                return 3;
            }

            @Override
            protected boolean toCandidate(Seat seat) {
                return ++calls % 4 == 0;
            }
        };
    }
}
