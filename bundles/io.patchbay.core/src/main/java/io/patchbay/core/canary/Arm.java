package io.patchbay.core.canary;

import io.patchbay.core.slot.CallObserver;
import io.patchbay.core.slot.Implementation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One side of a canary: the implementation's calls and errors (its own exact counters), its call times in an
 * HdrHistogram {@link Recorder} (wait-free, no allocation when recording), and the exception classes it threw.
 */
final class Arm implements CallObserver {

    /** Call times are tracked from 1 ns to an hour, to two significant digits. */
    static final long LONGEST = TimeUnit.HOURS.toNanos(1);

    private final Implementation implementation;
    private final Recorder recorder = new Recorder(1, LONGEST, 2);
    private final Map<String, LongAdder> thrown = new ConcurrentHashMap<>();
    private final long warmup;
    private final LongAdder seen = new LongAdder();
    private volatile boolean warm;
    private volatile int sampled = Buckets.COUNT;
    private Histogram interval;
    private long callsAtStart;
    private long errorsAtStart;
    private Histogram window = new Histogram(1, LONGEST, 2);

    /** @param warmup calls whose times are left out at the start, while the implementation's code warms up */
    Arm(Implementation implementation, long warmup) {
        this.implementation = implementation;
        this.warmup = warmup;
        this.warm = warmup <= 0;
    }

    Implementation implementation() {
        return implementation;
    }

    /**
     * Times about {@code percent} of the calls (all at 100): the baseline of a small step serves most calls, and the
     * judge needs a few times the candidate's count of its times, not all of them.
     */
    void sample(double percent) {
        sampled = Buckets.threshold(Math.min(100, percent));
    }

    @Override
    public boolean timesThisCall() {
        int bound = sampled;
        return bound >= Buckets.COUNT || ThreadLocalRandom.current().nextInt(Buckets.COUNT) < bound;
    }

    @Override
    public void timed(long nanos) {
        if (!warm) {
            seen.increment();
            if (seen.sum() <= warmup) {
                return;
            }
            warm = true;
        }
        recorder.recordValue(Math.max(1, Math.min(nanos, LONGEST)));
    }

    @Override
    public void threw(Throwable failure) {
        thrown.computeIfAbsent(failure.getClass().getName(), name -> new LongAdder()).increment();
    }

    void start() {
        implementation.observe(this);
        newWindow();
    }

    void stop() {
        implementation.observe(null);
    }

    /** A new step: counts and times from now on. */
    synchronized void newWindow() {
        callsAtStart = implementation.calls();
        errorsAtStart = implementation.errors();
        interval = recorder.getIntervalHistogram(interval); // drops what was recorded before
        window = new Histogram(1, LONGEST, 2);
    }

    /** Takes in the times recorded since the last look; the judge's thread only. */
    synchronized Histogram times() {
        interval = recorder.getIntervalHistogram(interval);
        window.add(interval);
        return window;
    }

    long calls() {
        return implementation.calls() - callsAtStart;
    }

    long errors() {
        return implementation.errors() - errorsAtStart;
    }

    /** How often each exception class was thrown since the canary started. */
    Map<String, Long> thrown() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        thrown.forEach((name, count) -> counts.put(name, count.sum()));
        return counts;
    }
}
