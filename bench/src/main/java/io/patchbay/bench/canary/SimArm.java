package io.patchbay.bench.canary;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One arm of a simulated canary, fed as the core's {@code Arm} is fed by a real one: calls and errors since the
 * judge's last look, the call times recorded since then in a histogram of the same precision (1 ns to an hour, two
 * significant digits), the first {@code warmup} calls of the canary left untimed, only the share of calls the
 * machine asks for timed, and the exception class it threw since the canary began. Its calls fail at
 * {@code errorRate}; their times are log-normal (the median given, sigma {@value #SIGMA}: drawn from {@link #TIMES},
 * 65,536 such times made once from a fixed seed, which is much cheaper than a draw each), and a share
 * {@code slowShare} of them takes {@value #SLOW_FACTOR} times as long.
 */
final class SimArm {

    static final long LONGEST = TimeUnit.HOURS.toNanos(1);
    static final double MEDIAN_NANOS = 1_000_000;
    static final double SIGMA = 0.5;
    static final double SLOW_FACTOR = 10;
    /** Log-normal call times, sorted. */
    static final long[] TIMES = times(1 << 16);

    final String exception;
    private final double errorRate;
    private final double slowShare;
    private final double scale;
    private final Histogram interval = new Histogram(1, LONGEST, 2);
    private long warmupLeft;
    /** Calls and errors since the last look. */
    long calls;
    long errors;
    /** Times {@link #exception} was thrown since the canary began. */
    long thrown;

    SimArm(double errorRate, String exception, double slowShare, double medianMillis, long warmup) {
        this.errorRate = errorRate;
        this.exception = exception;
        this.slowShare = slowShare;
        this.scale = medianMillis * 1_000_000 / MEDIAN_NANOS;
        this.warmupLeft = warmup;
    }

    /**
     * One call: counted, failed or not, and timed when it falls in the {@code timed} buckets of 10,000 and the arm
     * is warm. Every call draws the same random numbers whatever the rates, so canaries with the same seed differ
     * only where their rates differ.
     */
    void call(SplittableRandom random, int timed) {
        calls++;
        if (random.nextDouble() < errorRate) {
            errors++;
            thrown++;
        }
        double nanos = TIMES[random.nextInt(TIMES.length)] * scale;
        if (random.nextDouble() < slowShare) {
            nanos *= SLOW_FACTOR;
        }
        boolean sampled = random.nextInt(10_000) < timed;
        if (warmupLeft > 0) {
            warmupLeft--; // as Arm.timed: the first calls of the canary are not recorded
        } else if (sampled) {
            interval.recordValue(Math.max(1, Math.min(Math.round(nanos), LONGEST)));
        }
    }

    /** The judge looked: counts and times start anew. */
    void taken() {
        calls = 0;
        errors = 0;
        interval.reset();
    }

    Histogram times() {
        return interval;
    }

    private static long[] times(int count) {
        SplittableRandom random = new SplittableRandom(20_261_203L);
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = Math.round(MEDIAN_NANOS * Math.exp(SIGMA * random.nextGaussian()));
        }
        java.util.Arrays.sort(times);
        return times;
    }
}
