package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * A share lane's decisions, with gaps given in order instead of drawn: a thread's calls before its next
 * candidate or timed call draw nothing, and a new split or a new sampling is drawn for when it looks again.
 */
public class GapsTest {

    private final Slot slot = new Slot(Runnable.class, "1.0.0", () -> 5_000);
    private final Implementation baseline = Stubs.implementation(slot, "impl", "1.0.0", (Runnable) () -> { });
    private final Implementation candidate = Stubs.implementation(slot, "impl", "1.0.1", (Runnable) () -> { });
    private final CallCells.Cell cell = new CallCells().mine();

    /** A split whose gaps before its candidate calls are given in order; counts how often it is asked. */
    private final class GivenSplit extends Split {
        final Deque<Long> gaps;
        int asked;

        GivenSplit(Long... gaps) {
            super(baseline, candidate);
            this.gaps = new ArrayDeque<>(List.of(gaps));
        }

        @Override
        protected boolean toCandidate(Seat seat) {
            throw new AssertionError("a share lane decides by gaps");
        }

        @Override
        protected long baselineCallsAhead() {
            asked++;
            return gaps.isEmpty() ? Long.MAX_VALUE : gaps.poll();
        }
    }

    /** An arm whose gaps before its timed calls are given in order; its sampling changes when told. */
    private static final class GivenArm implements CallObserver {
        final Deque<Long> gaps;
        Object sampling = new Object();
        int asked;

        GivenArm(Long... gaps) {
            this.gaps = new ArrayDeque<>(List.of(gaps));
        }

        @Override
        public boolean timesThisCall() {
            throw new AssertionError("a share lane asks for gaps");
        }

        @Override
        public long untimedAhead() {
            asked++;
            return gaps.isEmpty() ? Long.MAX_VALUE : gaps.poll();
        }

        @Override
        public Object sampling() {
            return sampling;
        }

        @Override
        public void timed(long nanos) {
        }

        @Override
        public void threw(Throwable failure) {
        }
    }

    /** The calls' ways, one letter each: c to the candidate, t timed on the baseline, b untimed on the baseline. */
    private String calls(int count, Split split, CallObserver arm) {
        StringBuilder ways = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long start = Gaps.due(cell) ? Gaps.start(cell, split, arm) : 0L;
            if (start == Gaps.CANDIDATE) {
                ways.append('c');
                continue; // the candidate's own lane counts it, not the baseline's cell
            }
            cell.enter();
            cell.leave();
            ways.append(start != 0L ? 't' : 'b');
        }
        return ways.toString();
    }

    @Test
    public void theCallsBetweenTheDrawnOnesGoToTheBaselineUntimedAndDrawNothing() {
        GivenSplit split = new GivenSplit(3L, 0L, 4L);
        GivenArm arm = new GivenArm(2L, 5L);
        assertEquals("a gap of 0: the next call goes to the candidate too", "bbtccbbbbcbtbbbb", calls(16, split, arm));
        assertEquals("one draw to start and one after each candidate call", 4, split.asked);
        assertEquals("one draw to start and one after each timed call", 3, arm.asked);
    }

    @Test
    public void aNewStepsSplitHoldsWithinLookEveryCallsOfAThread() {
        GivenSplit first = new GivenSplit(1_000L);
        GivenArm arm = new GivenArm(1_000L);
        assertEquals("bbbb", calls(4, first, arm));
        GivenSplit next = new GivenSplit(0L, 1L);
        assertEquals("the first split's gap holds until the thread looks again, at place " + Gaps.LOOK_EVERY + 1,
                "b".repeat((int) Gaps.LOOK_EVERY - 3) + "cbc", calls((int) Gaps.LOOK_EVERY, next, arm));
    }

    @Test
    public void aNewSamplingHoldsWithinLookEveryCallsOfAThread() {
        GivenSplit split = new GivenSplit(1_000L);
        GivenArm arm = new GivenArm(1_000L, 1L);
        assertEquals("bbbb", calls(4, split, arm));
        arm.sampling = new Object(); // the arm's share grew: a gap drawn for the old one would leave calls untimed
        assertEquals("b".repeat((int) Gaps.LOOK_EVERY - 2) + "tb", calls((int) Gaps.LOOK_EVERY, split, arm));
        assertEquals("drawn to start, for the new sampling, and after the timed call", 3, arm.asked);
    }

    @Test
    public void aTimedLaneCountsDownTheSamePlacesAfterItsCellCountedTheCall() {
        GivenArm arm = new GivenArm(2L, 0L, 3L);
        StringBuilder ways = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            cell.enter(); // a timed lane asks once the cell counts the call
            ways.append(LaneClock.start(arm, cell) != 0L ? 't' : 'b');
            cell.leave();
        }
        assertEquals("bbttbbbtbb", ways.toString());
        assertEquals(4, arm.asked);
    }

    @Test
    public void aTimedLaneAndAShareLaneAgreeOnTheThreadsNextTimedPlace() {
        GivenSplit split = new GivenSplit(1_000L);
        GivenArm arm = new GivenArm(2L, 1_000L);
        assertEquals("the share lane drew: two untimed calls, then a timed one", "b", calls(1, split, arm));
        cell.enter();
        assertEquals("the second, through the baseline's timed lane", 0L, LaneClock.start(arm, cell));
        cell.leave();
        cell.enter();
        assertNotEquals("the third", 0L, LaneClock.start(arm, cell));
        cell.leave();
    }

    @Test
    public void aThreadsCellKeepsNoCandidateAliveOnceItsCanaryEnds() {
        Implementation gone = Stubs.implementation(slot, "impl", "1.0.2", (Runnable) () -> { });
        Split split = new Split(baseline, gone) {
            @Override
            protected boolean toCandidate(Seat seat) {
                return false;
            }

            @Override
            protected long baselineCallsAhead() {
                return 1_000;
            }
        };
        assertEquals("bb", calls(2, split, new GivenArm(1_000L)));
        WeakReference<Implementation> candidateLeft = new WeakReference<>(gone);
        gone = null;
        split = null;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (candidateLeft.get() != null && System.nanoTime() < end) {
            System.gc();
        }
        assertNull("the cell let the candidate go (its bundle's loader with it)", candidateLeft.get());
    }

    @Test
    public void aGapTooLargeToAddMeansNever() {
        GivenSplit split = new GivenSplit(Long.MAX_VALUE);
        GivenArm arm = new GivenArm(Long.MAX_VALUE);
        assertEquals("bbb", calls(3, split, arm));
        assertEquals(Long.MAX_VALUE, LaneClock.after(5, Long.MAX_VALUE - 2));
        assertEquals(7, LaneClock.after(5, 2));
    }
}
