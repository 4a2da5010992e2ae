package io.patchbay.core.slot;

/**
 * A canary's routing decision, read by {@link Slot#enter(Seat)} or a facade's split lane on every call while the
 * slot has one: whether a call goes to the candidate instead of the baseline. One immutable object per step, so
 * a step change is one write; it must not allocate and must be cheap, as it runs on every call of the slot.
 */
public abstract class Split {

    private final Implementation baseline;
    private final Implementation candidate;

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
     * Whether the decision is shallow: a few frames deep, calling nothing that may block, wait or load a class
     * (a random draw). A facade's split lane then need not count itself in the slot's split cells: a drain sees
     * a thread deciding by its top frames (see {@code Grace}). False unless a split says so.
     */
    public boolean decidesShallow() {
        return false;
    }

    /** Whether this call goes to the candidate. */
    protected abstract boolean toCandidate(Seat seat);
}
