package io.patchbay.bench.canary;

import io.patchbay.api.dto.CanarySpecDTO;

/**
 * One kind of simulated canary: the slot's traffic, both arms' error rates and exception classes, their call times,
 * how the candidate's differ, and how it is judged.
 *
 * @param callsPerSecond the slot's calls per second, baseline and candidate together, evenly spaced
 * @param sameException whether the candidate throws the exception class the baseline throws
 * @param candidateSlowShare the share of the candidate's calls that take {@value SimArm#SLOW_FACTOR} times as long
 * @param candidateSlowdown how many times as long every call of the candidate takes
 * @param medianMillis the median call time of the baseline (log-normal, sigma {@value SimArm#SIGMA})
 */
record Scenario(String name, int callsPerSecond, double baselineErrors, double candidateErrors,
        boolean sameException, double candidateSlowShare, double candidateSlowdown, double medianMillis,
        Judging judging) {

    static final String BASELINE_EXCEPTION = "java.lang.IllegalStateException";
    static final String NEW_EXCEPTION = "java.lang.ArithmeticException";
    static final double MEDIAN_MILLIS = 1;

    /** A candidate that fails more often than the baseline, and is as fast (calls of 1 ms at the median). */
    static Scenario failing(String name, int callsPerSecond, double baselineErrors, double candidateErrors,
            boolean sameException, Judging judging) {
        return new Scenario(name, callsPerSecond, baselineErrors, candidateErrors, sameException, 0, 1,
                MEDIAN_MILLIS, judging);
    }

    /** A candidate that fails no more often than a baseline that never fails, and is slower. */
    static Scenario slow(String name, int callsPerSecond, double slowShare, double slowdown, double medianMillis,
            Judging judging) {
        return new Scenario(name, callsPerSecond, 0, 0, true, slowShare, slowdown, medianMillis, judging);
    }

    /** A healthy canary: the candidate fails as often as the baseline, with the same exception, and is as fast. */
    static Scenario healthy(int callsPerSecond, double errors, Judging judging) {
        return healthy(callsPerSecond, errors, MEDIAN_MILLIS, judging);
    }

    static Scenario healthy(int callsPerSecond, double errors, double medianMillis, Judging judging) {
        return new Scenario("healthy, " + Simulations.percent(errors) + " errors, " + medianMillis + " ms, "
                + judging.name(), callsPerSecond, errors, errors, true, 0, 1, medianMillis, judging);
    }

    CanarySpecDTO spec() {
        return judging.spec();
    }

    SimArm baseline() {
        return new SimArm(baselineErrors, BASELINE_EXCEPTION, 0, medianMillis, 0);
    }

    SimArm candidate(long warmup) {
        return new SimArm(candidateErrors, sameException ? BASELINE_EXCEPTION : NEW_EXCEPTION, candidateSlowShare,
                medianMillis * candidateSlowdown, warmup);
    }
}
