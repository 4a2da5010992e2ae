package io.patchbay.core.slot;

/**
 * What a share lane (a canary's split of a random share of calls, see {@link Lanes#shareLane}) decides for each
 * call, with no random draw on most calls: whether it goes to the candidate, and whether the baseline times it.
 * Both are chances per call, so the calls until the next of each are geometric: the split
 * ({@link Split#baselineCallsAhead()}) and the baseline's arm ({@link CallObserver#untimedAhead()}) draw them, as
 * a sampling profiler draws its next sample. The calling thread keeps, in its cell of the baseline's
 * {@link CallCells}, the places (its count of calls entered there) of its next candidate call and its next timed
 * call, and the lesser of the two; a call before it compares two fields and goes on. The places hold only for the
 * split and the arm's sampling they were drawn for. Those are looked at every {@value #LOOK_EVERY} calls at
 * least, not on every call: a new step, or a new timed share, holds for each thread within that many of its calls
 * (a gap drawn for a small share must not leave a thread untimed for long once its calls slow down).
 */
public final class Gaps {

    /** What {@link #start} returns for a call that goes to the candidate. */
    public static final long CANDIDATE = Long.MIN_VALUE;
    /** The most calls a thread makes through share lanes before it looks at the split and sampling again. */
    static final long LOOK_EVERY = 256;

    private Gaps() {
    }

    /**
     * Whether a call through a share lane by the thread whose baseline cell is {@code cell} must draw: it has
     * reached the place of its next candidate or timed call, or of its next look. Most calls need not: they go to
     * the baseline, untimed.
     */
    public static boolean due(CallCells.Cell cell) {
        return cell.entered >= cell.drawAt;
    }

    /**
     * For a call that is {@link #due}, before the cell counts it: {@link #CANDIDATE}, or the baseline call's start
     * as {@link LaneClock#start} gives it (0 if not timed).
     */
    public static long start(CallCells.Cell cell, Split split, CallObserver baseline) {
        long at = cell.entered;
        if (cell.sharing != split.draws) {
            cell.sharing = split.draws;
            cell.candidateAt = LaneClock.after(at, split.baselineCallsAhead());
        }
        long start = 0L;
        if (at >= cell.candidateAt) { // the baseline does not count it: the next call has the same place
            cell.candidateAt = LaneClock.after(at, split.baselineCallsAhead());
            start = CANDIDATE;
        } else if (LaneClock.timed(baseline, cell, baseline.sampling(), at)) { // also when the sampling is new
            start = System.nanoTime();
        }
        long look = start == CANDIDATE ? at : at + 1; // the place of the thread's next call here
        cell.drawAt = Math.min(Math.min(cell.candidateAt, cell.timedAt), LaneClock.after(look, LOOK_EVERY));
        return start;
    }
}
