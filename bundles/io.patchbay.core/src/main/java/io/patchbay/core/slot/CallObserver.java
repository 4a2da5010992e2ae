package io.patchbay.core.slot;

/**
 * Told of an implementation's calls while a canary compares it with another, or a trace records them: the time of
 * each call that ended and the exception of each that threw. Only set during a canary or a trace, so calls at
 * other times are not timed. An implementation has at most one: {@link ObserverPair} tells two of them.
 */
public interface CallObserver {

    /** The {@link #sampling} of an observer asked about each call. */
    Object EACH_CALL = new Object();

    /** Whether this call is to be timed (an observer may time only a sample); on the call path, cheap. */
    boolean timesThisCall();

    /**
     * Asked by a lane at a call instead of {@link #timesThisCall}: how many calls, this one first, to leave
     * untimed before the next timed one, which it then times without asking. An observer that times each call
     * with a fixed chance draws a geometric gap, which times the same share of calls, each with the same chance,
     * with one draw per timed call. The default asks {@link #timesThisCall} for each call.
     */
    default long untimedAhead() {
        return timesThisCall() ? 0 : 1;
    }

    /**
     * What the gaps drawn by {@link #untimedAhead} hold for: an observer whose share changes returns a new object,
     * so that no thread keeps a gap drawn for the old share (one drawn when the share was small could otherwise
     * leave a thread untimed for long after its calls slow down). A thread's cell keeps it, so it must refer to
     * nothing that should be let go. The default, for gaps of at most one call: {@link #EACH_CALL}.
     */
    default Object sampling() {
        return EACH_CALL;
    }

    /** A call took {@code nanos}; on the call path, so it must not block or allocate. */
    void timed(long nanos);

    /** A call threw {@code failure}. */
    void threw(Throwable failure);

    /**
     * A call from {@code seat} (null outside a facade) ended: it took {@code nanos}, or {@code -1} when it began
     * before anything observed it (not timed), and threw {@code failure} unless that is {@code null}. On the call
     * path; the default tells {@link #threw} then {@link #timed}, as the canary counts.
     */
    default void ended(Seat seat, long nanos, Throwable failure) {
        if (failure != null) {
            threw(failure);
        }
        if (nanos >= 0) {
            timed(nanos);
        }
    }
}
