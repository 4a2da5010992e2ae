package io.patchbay.core.canary;

import io.patchbay.core.slot.CallObserver;
import io.patchbay.core.slot.Implementation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One side of a canary as the call path feeds it: the implementation's calls and errors (its own exact counters),
 * its call times in an HdrHistogram {@link Recorder} (wait-free, no allocation when recording), and the exception
 * classes it threw. The judge's look (on the route owner) takes what is new at each look and hands it to the {@link CanaryMachine}.
 */
final class Arm implements CallObserver {

    private static final long LONGEST = ArmTally.LONGEST;
    /** Timed calls an arm wants per look of the judge (every 250 ms): far more than its tests need. */
    static final long TIMED_PER_LOOK = 250;

    private final Implementation implementation;
    private final Recorder recorder = new Recorder(1, LONGEST, 2);
    private final Map<String, LongAdder> thrown = new ConcurrentHashMap<>();
    private final long warmup;
    private volatile long warmAt = Long.MAX_VALUE; // the implementation's call count at which it is warm
    private volatile boolean warm;
    private volatile Chance timed = Chance.ALWAYS; // the share of calls timed now
    private volatile double rulePercent = 100; // the step's share to time, before pacing
    private Histogram interval;
    private long callsSeen;
    private long errorsSeen;
    private volatile long callsAtWindow;
    private volatile long errorsAtWindow;

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
     * Times about {@code percent} of the calls (all at 100): timing is the dearest part of a canary's call, and the
     * judge needs a few hundred times per arm, not every call's.
     */
    void sample(double percent) {
        rulePercent = Math.min(100, percent);
        timeShare(rulePercent / 100);
    }

    /**
     * At a look, given the calls since the last one: times at most about {@value #TIMED_PER_LOOK} calls until the
     * next, as a sampling profiler does, so that a busy arm's calls are almost never timed (at a hundred million
     * calls a second, one in 100,000) while a quiet one keeps the step's share. The judge's tests count timed
     * calls, not their share of all calls, so they see as many as they need either way.
     */
    void pace(long callsSinceLastLook) {
        double rule = rulePercent / 100;
        double paced = callsSinceLastLook <= TIMED_PER_LOOK ? rule
                : Math.min(rule, (double) TIMED_PER_LOOK / callsSinceLastLook);
        timeShare(paced);
    }

    @Override
    public boolean timesThisCall() {
        return timed.drawn();
    }

    private void timeShare(double share) {
        if (share != timed.share()) {
            timed = new Chance(share); // a new sampling: the lanes draw their gaps again
        }
    }

    /** For a lane: the calls until the next timed one, drawn for the share it times now. */
    @Override
    public long untimedAhead() {
        return timed.callsBefore();
    }

    /** The chance the lanes' gaps were drawn for: a new one at every change of the share. */
    @Override
    public Object sampling() {
        return timed;
    }

    @Override
    public void timed(long nanos) {
        if (!warm) { // counted in calls, not in timed calls: a sampled arm warms up as fast as one timed in full
            if (implementation.calls() < warmAt) {
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
        callsSeen = implementation.calls();
        errorsSeen = implementation.errors();
        warmAt = callsSeen + warmup;
        interval = recorder.getIntervalHistogram(interval); // drops what was recorded before
    }

    void stop() {
        implementation.observe(null);
    }

    /** A new step: {@link #windowCalls()} and {@link #windowErrors()} count from now on. */
    void newWindow() {
        callsAtWindow = implementation.calls();
        errorsAtWindow = implementation.errors();
    }

    /** Calls in the current step, live: what operators see (the judge takes its counts at each look). */
    long windowCalls() {
        return implementation.calls() - callsAtWindow;
    }

    long windowErrors() {
        return implementation.errors() - errorsAtWindow;
    }

    /** Calls and errors since the last take (or the start). */
    long[] takeCounts() {
        long calls = implementation.calls();
        long errors = implementation.errors();
        long[] taken = { calls - callsSeen, errors - errorsSeen };
        callsSeen = calls;
        errorsSeen = errors;
        return taken;
    }

    /** The times recorded since the last take; valid until the next take. The route owner's thread only (the judge's look). */
    Histogram takeTimes() {
        interval = recorder.getIntervalHistogram(interval);
        return interval;
    }

    /** How often each exception class was thrown since the canary started. */
    Map<String, Long> thrown() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        thrown.forEach((name, count) -> counts.put(name, count.sum()));
        return counts;
    }
}
