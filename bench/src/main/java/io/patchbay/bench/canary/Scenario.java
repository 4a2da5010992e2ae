package io.patchbay.bench.canary;

import io.patchbay.api.dto.CanarySpecDTO;

/**
 * One kind of simulated canary: the slot's traffic, both arms' error rates and exception classes, the share of the
 * candidate's calls that are slow, and how it is judged.
 *
 * @param callsPerSecond the slot's calls per second, baseline and candidate together, evenly spaced
 * @param sameException whether the candidate throws the exception class the baseline throws
 */
record Scenario(String name, int callsPerSecond, double baselineErrors, double candidateErrors,
        boolean sameException, double candidateSlowShare, Judging judging) {

    static final String BASELINE_EXCEPTION = "java.lang.IllegalStateException";
    static final String NEW_EXCEPTION = "java.lang.ArithmeticException";

    /** A healthy canary: the candidate fails as often as the baseline, with the same exception, and is as fast. */
    static Scenario healthy(int callsPerSecond, double errors, Judging judging) {
        return new Scenario("healthy, " + Simulations.percent(errors) + " errors, " + judging.name(),
                callsPerSecond, errors, errors, true, 0, judging);
    }

    CanarySpecDTO spec() {
        return judging.spec();
    }

    SimArm baseline() {
        return new SimArm(baselineErrors, BASELINE_EXCEPTION, 0, 0);
    }

    SimArm candidate(long warmup) {
        return new SimArm(candidateErrors, sameException ? BASELINE_EXCEPTION : NEW_EXCEPTION, candidateSlowShare,
                warmup);
    }
}
