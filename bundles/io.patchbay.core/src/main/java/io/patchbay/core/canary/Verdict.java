package io.patchbay.core.canary;

/**
 * The judge's verdict at one look: its decision, the sentence that explains it, and the tests' statistics: the
 * error test's log-likelihood ratio, the larger of the two latency tests', and the bounds they pass
 * ({@code accept}) and fail ({@code reject}) at.
 */
public record Verdict(Decision decision, String reason, double errorScore, double latencyScore, double accept,
        double reject) {

    /** {@code PASS}: the step passed; {@code FAIL}: revert; {@code INCONCLUSIVE}: undecided past the longest step. */
    public enum Decision { WAIT, PASS, FAIL, INCONCLUSIVE }

    /** Whether a sequential test (not a guard) failed on errors rather than latency. */
    public boolean failedOnErrors() {
        return errorScore >= reject;
    }
}
