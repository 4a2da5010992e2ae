package io.patchbay.core.slot;

/**
 * What a share lane (a canary's split of a random share of calls, see {@link Lanes#shareLane}) decides for each
 * call, with no random draw on most calls: whether it goes to the candidate, and whether the baseline times it.
 * Both are chances per call, so the calls until the next of each are geometric: the split
 * ({@link Split#baselineCallsAhead()}) and the baseline's arm ({@link CallObserver#untimedAhead()}) draw them, as
 * a sampling profiler draws its next sample. The calling thread keeps, in its cell of the baseline's
 * {@link CallCells}, the places (its count of calls entered there) of its next candidate call and its next timed
 * call; a call before both compares three fields and goes on. The places hold only for the split and the arm's
 * sampling they were drawn for, so a new step or a larger timed share draws again at once.
 */
public final class Gaps {

    /** What {@link #start} returns for a call that goes to the candidate. */
    public static final long CANDIDATE = Long.MIN_VALUE;

    private Gaps() {
    }

    /**
     * For a call through a share lane by the thread whose baseline cell is {@code cell}, before the cell counts
     * it: {@link #CANDIDATE}, or the baseline call's start as {@link LaneClock#start} gives it (0 if not timed).
     */
    public static long start(CallCells.Cell cell, Split split, CallObserver baseline) {
        if (cell.entered < cell.drawAt && cell.sharing == split && cell.sampler == baseline.sampling()) {
            return 0L;
        }
        return drawn(cell, split, baseline);
    }

    private static long drawn(CallCells.Cell cell, Split split, CallObserver baseline) {
        long at = cell.entered;
        if (cell.sharing != split) {
            cell.sharing = split;
            cell.candidateAt = LaneClock.after(at, split.baselineCallsAhead());
        }
        long start = 0L;
        if (at >= cell.candidateAt) { // the baseline does not count it: the next call has the same place
            cell.candidateAt = LaneClock.after(at, split.baselineCallsAhead());
            start = CANDIDATE;
        } else if (LaneClock.timed(baseline, cell, baseline.sampling(), at)) {
            start = System.nanoTime();
        }
        cell.drawAt = Math.min(cell.candidateAt, cell.timedAt); // a stale sampler is caught by start's check
        return start;
    }
}
