package io.patchbay.core.slot;

/**
 * Two observers of one implementation's calls, told in order: a canary's arm and a trace. Built only when both
 * are on, so an implementation with one observer calls it directly and one with none reads a null field.
 */
final class ObserverPair implements CallObserver {

    private final CallObserver first;
    private final CallObserver second;

    private ObserverPair(CallObserver first, CallObserver second) {
        this.first = first;
        this.second = second;
    }

    /** The observer the call path reads for {@code first} and {@code second}, either or both may be null. */
    static CallObserver of(CallObserver first, CallObserver second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : new ObserverPair(first, second);
    }

    /** A trace times every call; a canary may time a sample: the call is timed if either wants it. */
    @Override
    public boolean timesThisCall() {
        return first.timesThisCall() || second.timesThisCall();
    }

    @Override
    public void timed(long nanos) {
        first.timed(nanos);
        second.timed(nanos);
    }

    @Override
    public void threw(Throwable failure) {
        first.threw(failure);
        second.threw(failure);
    }

    @Override
    public void ended(Seat seat, long nanos, Throwable failure) {
        first.ended(seat, nanos, failure);
        second.ended(seat, nanos, failure);
    }
}
