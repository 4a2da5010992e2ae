package io.patchbay.core.canary;

import io.patchbay.api.dto.CanarySpecDTO;
import java.util.Locale;

/**
 * Decides a step from what both arms did in the same window. Two sequential probability ratio tests (Wald's
 * SPRT), so that the answer comes as soon as the evidence is enough, at any traffic level:
 * <ul>
 * <li><b>errors</b>: the candidate's calls as Bernoulli trials, H0 "its error rate is the baseline's" (the
 * 95 % upper bound of the baseline's rate in the window, at least {@value #ERROR_FLOOR}) against H1 "it is the baseline's plus the tolerated margin, or times the tolerated
 * ratio, whichever is more";</li>
 * <li><b>latency</b>: the share of candidate calls slower than the baseline's p99 (plus the slow margin) in the
 * window, H0 1 % against H1 the tolerated slow share; judged once the baseline has {@value #BASELINE_TIMED} timed
 * calls.</li>
 * </ul>
 * A test that reaches {@code ln((1-beta)/alpha)} fails the step (revert); the step passes once both reach
 * {@code ln(beta/(1-alpha))}, its candidate made the fewest calls and it was held its shortest time. Until then
 * it waits and says for what; past its longest time it is inconclusive and waits for an operator. Hard guards fail
 * at once whatever the tests say.
 */
final class Judge {

    static final double ERROR_FLOOR = 0.001;
    static final long BASELINE_TIMED = 100;
    private static final double SLOW_NULL = 0.01;

    enum Decision { WAIT, PASS, FAIL, INCONCLUSIVE }

    /** What both arms did in the step's window. */
    record Evidence(long candidateCalls, long candidateErrors, long baselineCalls, long baselineErrors,
            long candidateTimed, long candidateSlow, long baselineTimed, long stepMillis, String newException,
            long newExceptionCount) {
    }

    record Verdict(Decision decision, String reason, double errorScore, double latencyScore, double accept,
            double reject) {
    }

    private Judge() {
    }

    static Verdict judge(CanarySpecDTO spec, Evidence e) {
        double accept = Math.log(spec.beta / (1 - spec.alpha));
        double reject = Math.log((1 - spec.beta) / spec.alpha);
        double p0 = Math.max(upperBound(e.baselineErrors(), e.baselineCalls()), ERROR_FLOOR);
        double p1 = Math.min(0.999, Math.max(p0 + spec.errorMargin, p0 * spec.errorRatio));
        double errors = llr(e.candidateErrors(), e.candidateCalls(), p0, p1);
        boolean latencyJudged = e.baselineTimed() >= BASELINE_TIMED;
        double latency = latencyJudged ? llr(e.candidateSlow(), e.candidateTimed(), SLOW_NULL, spec.slowShare) : 0;
        String guard = guard(spec, e);
        if (guard != null) {
            return new Verdict(Decision.FAIL, guard, errors, latency, accept, reject);
        }
        if (errors >= reject) {
            return new Verdict(Decision.FAIL, String.format(Locale.ROOT, "the candidate fails more often than the"
                    + " baseline: %s against %s (error test %.2f reached %.2f)", rate(e.candidateErrors(),
                            e.candidateCalls()), rate(e.baselineErrors(), e.baselineCalls()), errors, reject),
                    errors, latency, accept, reject);
        }
        if (latency >= reject) {
            return new Verdict(Decision.FAIL, String.format(Locale.ROOT, "the candidate is slower than the baseline:"
                    + " %d of %d timed calls slower than the baseline's p99 + %d us (latency test %.2f reached %.2f)",
                    e.candidateSlow(), e.candidateTimed(), spec.slowMarginMicros, latency, reject), errors, latency,
                    accept, reject);
        }
        String waiting = waitingFor(spec, e, errors, latency, latencyJudged, accept);
        if (waiting == null) {
            return new Verdict(Decision.PASS, String.format(Locale.ROOT, "the candidate is no worse than the"
                    + " baseline: errors %s against %s, %d of %d timed calls slower than the baseline's p99 + margin",
                    rate(e.candidateErrors(), e.candidateCalls()), rate(e.baselineErrors(), e.baselineCalls()),
                    e.candidateSlow(), e.candidateTimed()), errors, latency, accept, reject);
        }
        if (e.stepMillis() >= spec.maxStepMillis) {
            return new Verdict(Decision.INCONCLUSIVE, "undecided after " + e.stepMillis() / 1000 + " s (" + waiting
                    + "): the canary holds and waits for an operator", errors, latency, accept, reject);
        }
        return new Verdict(Decision.WAIT, waiting, errors, latency, accept, reject);
    }

    private static String guard(CanarySpecDTO spec, Judge.Evidence e) {
        if (e.candidateCalls() >= spec.guardCalls
                && e.candidateErrors() >= spec.guardErrorRate * e.candidateCalls()) {
            return String.format(Locale.ROOT, "hard guard: %d of %d candidate calls failed (at least %.0f %% over at"
                    + " least %d calls)", e.candidateErrors(), e.candidateCalls(), spec.guardErrorRate * 100,
                    spec.guardCalls);
        }
        if (e.newException() != null && e.newExceptionCount() >= spec.newExceptionRepeats) {
            return "hard guard: the candidate threw " + e.newException() + " " + e.newExceptionCount()
                    + " times; the baseline never threw it";
        }
        return null;
    }

    private static String waitingFor(CanarySpecDTO spec, Evidence e, double errors, double latency,
            boolean latencyJudged, double accept) {
        if (e.candidateCalls() < spec.minCalls) {
            return "holding: " + e.candidateCalls() + " of " + spec.minCalls + " candidate calls";
        }
        if (errors > accept) {
            return String.format(Locale.ROOT, "holding: the error test is at %.2f and passes at %.2f", errors, accept);
        }
        if (!latencyJudged) {
            return "holding: the baseline has " + e.baselineTimed() + " of " + BASELINE_TIMED
                    + " timed calls needed to judge latency";
        }
        if (latency > accept) {
            return String.format(Locale.ROOT, "holding: the latency test is at %.2f and passes at %.2f", latency,
                    accept);
        }
        if (e.stepMillis() < spec.minStepMillis) {
            return "holding: " + e.stepMillis() / 1000 + " s of the step's " + spec.minStepMillis / 1000 + " s";
        }
        return null;
    }

    /**
     * The Wilson score upper bound (95 %) of the baseline's error rate in the window: the test takes the baseline
     * as bad as its window allows, so that a candidate exactly as good is not reverted because the baseline's rate
     * happened to look lower in this window than it is. {@code 0} without baseline calls (the floor then holds).
     */
    static double upperBound(long errors, long calls) {
        if (calls == 0) {
            return 0;
        }
        double z = 1.96;
        double rate = (double) errors / calls;
        double spread = z * Math.sqrt(rate * (1 - rate) / calls + z * z / (4.0 * calls * calls));
        return Math.min(1, (rate + z * z / (2.0 * calls) + spread) / (1 + z * z / calls));
    }

    /** Log-likelihood ratio of {@code hits} in {@code trials} Bernoulli trials, H1 rate p1 against H0 rate p0. */
    static double llr(long hits, long trials, double p0, double p1) {
        return hits * Math.log(p1 / p0) + (trials - hits) * Math.log((1 - p1) / (1 - p0));
    }

    private static String rate(long errors, long calls) {
        return calls == 0 ? "0 of 0" : String.format(Locale.ROOT, "%d of %d (%.2f %%)", errors, calls,
                100.0 * errors / calls);
    }
}
