package io.patchbay.core.slot;

/**
 * A canary's routing decision, read by {@link Slot#enter(Seat)} or a facade's split lane on every call while the
 * slot has one: whether a call goes to the candidate instead of the baseline. One immutable object per step, so
 * a step change is one write; it must not allocate and must be cheap, as it runs on every call of the slot.
 */
public abstract class Split {

    private final Implementation baseline;
    private final Implementation candidate;
    /**
     * What a thread's gaps drawn for this split are kept under ({@link Gaps}): it refers to nothing, so a thread's
     * cell of the baseline keeps no candidate (nor its bundle's class loader) alive once the canary ends.
     */
    final Object draws = new Object();

    protected Split(Implementation baseline, Implementation candidate) {
        this.baseline = baseline;
        this.candidate = candidate;
    }

    public final Implementation baseline() {
        return baseline;
    }

    public final Implementation candidate() {
        return candidate;
    }

    /** Where a call from {@code seat} (null outside a facade) goes while {@code current} is the route. */
    final Implementation route(Seat seat, Implementation current) {
        return current == baseline && toCandidate(seat) ? candidate : current;
    }

    /** Whether a call from {@code seat} goes to the candidate: what a split lane asks on every call. */
    public final boolean candidateFor(Seat seat) {
        return toCandidate(seat);
    }

    /**
     * Whether the split is a small random share of calls, which a share lane ({@link Lanes#shareLane}) decides
     * best by gaps ({@link #baselineCallsAhead}): the decision must be shallow (a few frames deep, calling nothing
     * that may block, wait or load a class) and the same for every seat, as the share lane counts nothing while
     * it decides and a drain sees a thread deciding by its top frames (see {@code Grace}). False unless a split
     * says so; a large share is cheaper decided per call in a split lane.
     */
    public boolean decidesByGaps() {
        return false;
    }

    /**
     * For a split that decides by gaps: how many calls go to the baseline before the next goes to the candidate,
     * drawn so that each call goes there with the split's chance (see {@link Gaps}). The default asks
     * {@link #toCandidate} for one call (with no seat); a share of calls draws a geometric gap.
     */
    protected long baselineCallsAhead() {
        return toCandidate(null) ? 0 : 1;
    }

    /** Whether this call goes to the candidate. */
    protected abstract boolean toCandidate(Seat seat);
}
