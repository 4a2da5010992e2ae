package io.patchbay.core.slot;

/**
 * Told of an implementation's calls while a canary compares it with another, or a trace records them: the time of
 * each call that ended and the exception of each that threw. Only set during a canary or a trace, so calls at
 * other times are not timed. An implementation has at most one: {@link ObserverPair} tells two of them.
 */
public interface CallObserver {

    /** Whether this call is to be timed (an observer may time only a sample); on the call path, cheap. */
    boolean timesThisCall();

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
