package io.patchbay.core.canary;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one arm did, summed from the judge's looks: since the canary began (what the sequential tests judge) and in
 * the current step's window (what operators see). Times are kept to two significant digits from 1 ns to an hour.
 */
final class ArmTally {

    /** Call times are tracked from 1 ns to an hour, to two significant digits. */
    static final long LONGEST = TimeUnit.HOURS.toNanos(1);

    private final Histogram all = new Histogram(1, LONGEST, 2);
    private final Histogram window = new Histogram(1, LONGEST, 2);
    private long calls;
    private long errors;
    private long windowCalls;
    private long windowErrors;

    void add(long newCalls, long newErrors, Histogram times) {
        calls += newCalls;
        errors += newErrors;
        windowCalls += newCalls;
        windowErrors += newErrors;
        if (times != null && times.getTotalCount() > 0) {
            all.add(times);
            window.add(times);
        }
    }

    /** A new step: the window starts empty; the canary's totals stay. */
    void newWindow() {
        windowCalls = 0;
        windowErrors = 0;
        window.reset();
    }

    long calls() {
        return calls;
    }

    long errors() {
        return errors;
    }

    long windowCalls() {
        return windowCalls;
    }

    long windowErrors() {
        return windowErrors;
    }

    /** Every time recorded since the canary began. */
    Histogram all() {
        return all;
    }

    Histogram window() {
        return window;
    }

    /** Recorded times above {@code bound} nanoseconds in {@code times}. */
    static long above(Histogram times, long bound) {
        long count = times.getTotalCount();
        return count == 0 || bound >= times.getMaxValue() ? 0 : count - times.getCountBetweenValues(0, bound);
    }
}
