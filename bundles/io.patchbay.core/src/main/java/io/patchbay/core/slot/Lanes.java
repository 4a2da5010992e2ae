package io.patchbay.core.slot;

/**
 * The facade side of a slot's fast path, made by the facade package: the lane of an implementation (an object of
 * a class of its own that implements the slot's interfaces and forwards to one target, counting in
 * {@link CallCells}), the split or share lane of a canary (which picks one of two per call), and how {@link Grace}
 * knows the slot's facades, split lanes and an implementation's lanes on a stack.
 */
public interface Lanes {

    /** The lane class of {@code implementation}, made once per implementation. */
    LaneType typeOf(Implementation implementation);

    /**
     * A lane that asks {@code split} about each call from {@code seat} and forwards it to the {@code candidate}
     * lane or the {@code baseline} lane.
     */
    Object splitLane(Split split, Seat seat, Object baseline, Object candidate);

    /**
     * For a split that decides by gaps ({@link Split#decidesByGaps}): a lane that decides each call with
     * {@link Gaps}, calls the {@code candidate} lane with the candidate's share, and makes the other calls to the
     * baseline's {@code target} itself, counted in the {@code baseline}'s cells and timed as its arm
     * ({@code observer}) asks, as the baseline's own lane would.
     */
    Object shareLane(Split split, Implementation baseline, Object target, CallObserver observer, Object candidate);

    /** Whether {@code frame} runs in one of this slot's generated facades. */
    boolean facadeFrame(StackTraceElement frame);

    /** Whether {@code frame} runs in one of this slot's split lanes, which may be about to call either arm. */
    boolean splitFrame(StackTraceElement frame);

    /** The per-thread counts of calls inside this slot's split lanes (see {@link Grace}). */
    CallCells splitCells();

    /** How one implementation's lanes are made, and the name of the class loader that tells its frames apart. */
    interface LaneType {

        /**
         * A lane forwarding to {@code target} (the service object, or the one a seat was given), which times the
         * calls {@code observer} asks for, if it is not null.
         */
        Object lane(Object target, CallObserver observer);

        /** The name of the lane class's own loader: a frame with it runs in this implementation's lane. */
        String loaderName();
    }
}
