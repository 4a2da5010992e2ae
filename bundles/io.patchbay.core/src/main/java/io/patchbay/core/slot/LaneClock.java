package io.patchbay.core.slot;

/**
 * The timing of a canary's lane (see {@code LaneGenerator}): a call is timed only when its arm asks for it, as
 * on the counted path ({@link Implementation#clock()}).
 */
public final class LaneClock {

    private LaneClock() {
    }

    /** The start of a call: the time when {@code observer} times this call, else 0. */
    public static long start(CallObserver observer) {
        return observer.timesThisCall() ? System.nanoTime() : 0L;
    }

    /** A call that began at {@code start} (see {@link #start}) returned normally. */
    public static void end(CallObserver observer, long start) {
        if (start != 0L) {
            observer.timed(System.nanoTime() - start);
        }
    }
}
