package io.patchbay.core.canary;

import io.patchbay.api.dto.CanarySpecDTO;
import org.HdrHistogram.Histogram;

/**
 * The canary judge for simulations, and for nothing else: the benchmark harness ({@code bench/}, package
 * {@code io.patchbay.bench.canary}) hands the real {@link Judge} the windows of simulated canaries, to measure how
 * many candidate calls it needs to revert a failing candidate and how often it reverts a healthy one
 * (docs/benchmarks.md, "Canary"). The manager never uses this class, and its package is not exported, so no bundle
 * can; it only translates to and from the judge's own package-private types.
 */
public final class JudgeSimulation {

    /** How often the manager's judge looks at each canary, in milliseconds. */
    public static final long TICK_MILLIS = Canaries.TICK_MILLIS;

    /** The baseline's timed calls in a window before the latency test counts. */
    public static final long BASELINE_TIMED = Judge.BASELINE_TIMED;

    private JudgeSimulation() {
    }

    /**
     * What both arms did in the current step's window, as a running canary hands it to the judge: calls and errors
     * in the window, timed calls (the candidate's first {@code warmupCalls} are never timed), the candidate's timed
     * calls that count as slow ({@link #slower}), the step's age, and the exception class the candidate
     * threw most often since the canary began that the baseline never threw, with its count.
     */
    public record Window(long candidateCalls, long candidateErrors, long baselineCalls, long baselineErrors,
            long candidateTimed, long candidateSlow, long baselineTimed, long stepMillis, String newException,
            long newExceptionCount) {
    }

    /**
     * The judge's verdict: {@code decision} is {@code WAIT}, {@code PASS}, {@code FAIL} or {@code INCONCLUSIVE};
     * the two tests' log-likelihood ratios and the bounds they pass ({@code accept}) and fail ({@code reject}) at.
     */
    public record Verdict(String decision, String reason, double errorScore, double latencyScore, double accept,
            double reject) {
    }

    /**
     * The candidate's timed calls that count as slow, as a running canary counts them from both arms' windows:
     * slower than the baseline's p99 plus the spec's slow margin.
     */
    public static long slower(Histogram candidate, Histogram baseline, CanarySpecDTO spec) {
        return Canary.slower(candidate, baseline, spec);
    }

    /** The verdict of the manager's judge on {@code window} under {@code spec} (a completed spec). */
    public static Verdict judge(CanarySpecDTO spec, Window window) {
        Judge.Verdict verdict = Judge.judge(spec, new Judge.Evidence(window.candidateCalls(),
                window.candidateErrors(), window.baselineCalls(), window.baselineErrors(), window.candidateTimed(),
                window.candidateSlow(), window.baselineTimed(), window.stepMillis(), window.newException(),
                window.newExceptionCount()));
        return new Verdict(verdict.decision().name(), verdict.reason(), verdict.errorScore(),
                verdict.latencyScore(), verdict.accept(), verdict.reject());
    }
}
