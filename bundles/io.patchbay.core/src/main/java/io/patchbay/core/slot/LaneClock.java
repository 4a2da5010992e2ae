package io.patchbay.core.slot;

/**
 * The timing of a canary's lane (see {@code LaneGenerator}): a call is timed only when its arm asks for it, as
 * on the counted path ({@link Implementation#clock()}). An observer that times a random sample draws how many
 * calls to leave untimed before the next timed one ({@link CallObserver#untimedAhead()}); each thread keeps in its
 * own cell the place (its count of calls entered) of its next call to time, so the calls in between compare two
 * fields and draw nothing.
 */
public final class LaneClock {

    private LaneClock() {
    }

    /**
     * The start of a call by the thread whose cell is {@code cell} (which counts the call already): the time when
     * {@code observer} times this call, else 0. A place drawn holds only while the observer's
     * {@link CallObserver#sampling()} is the one it was drawn for.
     */
    public static long start(CallObserver observer, CallCells.Cell cell) {
        Object sampling = observer.sampling();
        long at = cell.entered - 1;
        if (at < cell.timedAt && cell.sampler == sampling) {
            return 0L;
        }
        return timed(observer, cell, sampling, at) ? System.nanoTime() : 0L;
    }

    /**
     * Whether the call at place {@code at} is timed, once the thread's drawn place is reached or was drawn for
     * another sampling; draws the next place after a timed call.
     */
    static boolean timed(CallObserver observer, CallCells.Cell cell, Object sampling, long at) {
        if (cell.sampler != sampling) {
            cell.sampler = sampling;
            cell.timedAt = after(at, observer.untimedAhead());
        }
        if (at < cell.timedAt) {
            return false;
        }
        cell.timedAt = after(at + 1, observer.untimedAhead());
        return true;
    }

    /** {@code at + gap}, or the largest place when that overflows. */
    static long after(long at, long gap) {
        return gap >= Long.MAX_VALUE - at ? Long.MAX_VALUE : at + gap;
    }

    /** A call that began at {@code start} (see {@link #start}) returned normally. */
    public static void end(CallObserver observer, long start) {
        if (start != 0L) {
            observer.timed(System.nanoTime() - start);
        }
    }
}
