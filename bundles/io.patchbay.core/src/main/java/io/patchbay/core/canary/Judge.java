package io.patchbay.core.canary;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.stats.ErrorRates;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The judge's three sequential tests (Wald's SPRT), each summed over every look since the canary began, so that
 * evidence accumulates across steps: a step too small to decide on its own still counts, and the chance that a
 * test ever reverts a candidate no worse than the baseline stays at most about {@code alpha} over the whole canary,
 * however many calls it sees (Wald: the log-likelihood ratio of such a candidate reaches {@code ln((1-beta)/alpha)}
 * with probability at most {@code alpha/(1-beta)}).
 * <ul>
 * <li><b>errors</b>: the candidate's calls as Bernoulli trials, H0 "its error rate is the baseline's" (the 95 %
 * Wilson upper bound of the baseline's rate since the canary began, at least {@value #ERROR_FLOOR}) against H1
 * "the baseline's plus the tolerated margin, or times the tolerated ratio, whichever is more";</li>
 * <li><b>typical latency</b>: the share of candidate calls slower than the baseline's median times
 * {@code slowRatio} plus {@code slowMarginMicros}, H0 {@value #TYPICAL_NULL} against H1 {@value #TYPICAL_ALT}: a
 * candidate slower on most calls;</li>
 * <li><b>tail latency</b>: the share of candidate calls slower than the baseline's p99 times {@code slowRatio} plus
 * {@code slowMarginMicros}, H0 {@value #TAIL_NULL} against H1 {@code slowShare}: a candidate slow on some calls.</li>
 * </ul>
 * Both latency bounds are relative to the baseline's own times, so the tests hold at every time scale; each
 * baseline quantile is taken at its 95 % upper confidence bound, so that a small baseline sample does not make an
 * equal candidate look slow. Latency is judged once the baseline has {@value #BASELINE_TIMED} timed calls.
 */
final class Judge {

    static final double ERROR_FLOOR = 0.001;
    static final long BASELINE_TIMED = 100;
    static final double TYPICAL_NULL = 0.5;
    static final double TYPICAL_ALT = 0.6;
    static final double TAIL_NULL = 0.01;
    private static final double Z = 1.645; // one-sided 95 %

    private final CanarySpecDTO spec;
    final double accept;
    final double reject;
    private double errors;
    private double typical;
    private double tail;
    private long typicalBound;
    private long tailBound;

    Judge(CanarySpecDTO spec) {
        this.spec = spec;
        this.accept = Math.log(spec.beta / (1 - spec.alpha));
        this.reject = Math.log((1 - spec.beta) / spec.alpha);
    }

    /** Adds what is new since the last look to the three tests; {@code baseline} already holds it. */
    void add(Evidence e, ArmTally baseline) {
        double p0 = Math.max(ErrorRates.wilsonUpper(baseline.errors(), baseline.calls()), ERROR_FLOOR);
        double p1 = Math.min(0.999, Math.max(p0 + spec.errorMargin, p0 * spec.errorRatio));
        errors += llr(e.candidateErrors(), e.candidateCalls(), p0, p1);
        if (!latencyJudged(baseline)) {
            return;
        }
        Histogram base = baseline.all();
        typicalBound = bound(base, TYPICAL_NULL);
        tailBound = bound(base, 1 - TAIL_NULL);
        Histogram times = e.candidateTimes();
        if (times != null && times.getTotalCount() > 0) {
            long n = times.getTotalCount();
            typical += llr(ArmTally.above(times, typicalBound), n, TYPICAL_NULL, TYPICAL_ALT);
            tail += llr(ArmTally.above(times, tailBound), n, TAIL_NULL, spec.slowShare);
        }
    }

    /**
     * The baseline's {@code quantile} at its one-sided 95 % upper confidence bound, times {@code slowRatio}, plus
     * {@code slowMarginMicros}, in nanoseconds.
     */
    long bound(Histogram baseline, double quantile) {
        long n = baseline.getTotalCount();
        double upper = Math.min(1, quantile + Z * Math.sqrt(quantile * (1 - quantile) / n));
        return Math.round(baseline.getValueAtPercentile(100 * upper) * spec.slowRatio) + spec.slowMarginMicros * 1000;
    }

    static boolean latencyJudged(ArmTally baseline) {
        return baseline.all().getTotalCount() >= BASELINE_TIMED;
    }

    double errorScore() {
        return errors;
    }

    double latencyScore() {
        return Math.max(typical, tail);
    }

    double typicalScore() {
        return typical;
    }

    double tailScore() {
        return tail;
    }

    /** The candidate's timed calls that the tail test counts as slow in {@code times}; 0 before latency is judged. */
    long slow(Histogram times) {
        return tailBound == 0 ? 0 : ArmTally.above(times, tailBound);
    }

    /** A failed test in one sentence, or {@code null}. */
    String failure(ArmTally candidate, ArmTally baseline) {
        if (errors >= reject) {
            return String.format(Locale.ROOT, "the candidate fails more often than the baseline: %s against %s since"
                    + " the canary began (error test %.2f reached %.2f)", rate(candidate.errors(), candidate.calls()),
                    rate(baseline.errors(), baseline.calls()), errors, reject);
        }
        if (typical >= reject) {
            return String.format(Locale.ROOT, "the candidate is slower than the baseline on most calls: %d of %d timed"
                    + " calls in this step slower than %s (the baseline's median x %s + %d us; typical latency test"
                    + " %.2f reached %.2f)", ArmTally.above(candidate.window(), typicalBound),
                    candidate.window().getTotalCount(), micros(typicalBound), spec.slowRatio, spec.slowMarginMicros,
                    typical, reject);
        }
        if (tail >= reject) {
            return String.format(Locale.ROOT, "the candidate is slower than the baseline on some calls: %d of %d timed"
                    + " calls in this step slower than %s (the baseline's p99 x %s + %d us; tail latency test %.2f"
                    + " reached %.2f)", ArmTally.above(candidate.window(), tailBound),
                    candidate.window().getTotalCount(), micros(tailBound), spec.slowRatio, spec.slowMarginMicros,
                    tail, reject);
        }
        return null;
    }

    /** A hard guard that acts at once, in one sentence, or {@code null}. */
    String guard(ArmTally candidate, Evidence e) {
        long calls = candidate.windowCalls();
        long failed = candidate.windowErrors();
        if (calls >= spec.guardCalls && failed >= spec.guardErrorRate * calls) {
            return String.format(Locale.ROOT, "hard guard: %d of %d candidate calls failed (at least %.0f %% over at"
                    + " least %d calls)", failed, calls, spec.guardErrorRate * 100, spec.guardCalls);
        }
        if (e.newException() != null && e.newExceptionCount() >= spec.newExceptionRepeats) {
            return "hard guard: the candidate threw " + e.newException() + " " + e.newExceptionCount()
                    + " times; the baseline never threw it";
        }
        return null;
    }

    /** Whether every test is at or below {@code bound}. */
    boolean atMost(double bound) {
        return errors <= bound && typical <= bound && tail <= bound;
    }

    /** Which test is above {@code bound}, for "holding: ..."; {@code null} when none. */
    String above(double bound) {
        if (errors > bound) {
            return String.format(Locale.ROOT, "the error test is at %.2f and passes at %.2f", errors, bound);
        }
        if (typical > bound) {
            return String.format(Locale.ROOT, "the typical latency test is at %.2f and passes at %.2f", typical, bound);
        }
        return tail > bound ? String.format(Locale.ROOT, "the tail latency test is at %.2f and passes at %.2f", tail,
                bound) : null;
    }

    /** Log-likelihood ratio of {@code hits} in {@code trials} Bernoulli trials, H1 rate p1 against H0 rate p0. */
    static double llr(long hits, long trials, double p0, double p1) {
        return hits * Math.log(p1 / p0) + (trials - hits) * Math.log((1 - p1) / (1 - p0));
    }

    static String rate(long errors, long calls) {
        return calls == 0 ? "0 of 0" : String.format(Locale.ROOT, "%d of %d (%.2f %%)", errors, calls,
                100.0 * errors / calls);
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1000.0);
    }
}
