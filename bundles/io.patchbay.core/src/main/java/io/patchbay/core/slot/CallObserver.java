package io.patchbay.core.slot;

/**
 * Told of an implementation's calls while a canary compares it with another: the time of each call that ended
 * and the exception of each that threw. Only set during a canary, so calls at other times are not timed.
 */
public interface CallObserver {

    /** Whether this call is to be timed (an observer may time only a sample); on the call path, cheap. */
    boolean timesThisCall();

    /** A call took {@code nanos}; on the call path, so it must not block or allocate. */
    void timed(long nanos);

    /** A call threw {@code failure}. */
    void threw(Throwable failure);
}
