package io.patchbay.bench.canary;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.canary.Buckets;
import io.patchbay.core.canary.JudgeSimulation;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * One canary of a random share of calls, simulated call by call on a simulated clock and judged by the manager's
 * own judge ({@link JudgeSimulation}). What the manager's {@code Canary}, {@code Arm} and {@code Canaries} do around
 * the judge is done here the same way: the calls between two looks (the judge looks every
 * {@link JudgeSimulation#TICK_MILLIS} ms) each go to the candidate with the step's share, as
 * {@code Splits.CallShare} sends them (a uniform bucket of 10,000 below the step's threshold); at each look the
 * window's evidence is assembled as {@code Canary.evaluate} assembles it (the slow calls counted by the core's own
 * {@code Canary.slower}), and the verdict is carried out as
 * {@code Canaries.decide} carries it out: a failing candidate is reverted, a passed step gives way to the next (both
 * windows start anew) or, after the last, to the promotion, and a step undecided past its longest time holds.
 * Deterministic: everything random comes from the seed.
 */
final class SimulatedCanary {

    /** The baseline calls an oracle reports, so that its error rate is the true one to nine digits. */
    private static final long ORACLE_CALLS = 1_000_000_000L;

    private final Scenario scenario;
    private final CanarySpecDTO spec;

    SimulatedCanary(Scenario scenario) {
        if (scenario.callsPerSecond() * JudgeSimulation.TICK_MILLIS % 1000 != 0) {
            throw new IllegalArgumentException("The traffic must be a whole number of calls per look");
        }
        this.scenario = scenario;
        this.spec = scenario.spec();
    }

    Outcome run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SimArm baseline = scenario.baseline();
        SimArm candidate = scenario.candidate(spec.warmupCalls);
        double[] steps = spec.steps;
        long tick = JudgeSimulation.TICK_MILLIS;
        long perLook = scenario.callsPerSecond() * tick / 1000;
        int step = 0;
        int threshold = Buckets.threshold(steps[0]);
        long stepStarted = 0;
        long now = 0;
        long candidateCalls = 0;
        long slotCalls = 0;
        long firstStep = -1;
        long longest = steps.length * (spec.maxStepMillis + tick); // the judge holds a step by then at the latest
        for (;;) {
            for (long i = 0; i < perLook; i++) {
                if (random.nextInt(Buckets.COUNT) < threshold) {
                    candidate.call(random);
                    candidateCalls++;
                } else {
                    baseline.call(random);
                }
            }
            slotCalls += perLook;
            now += tick;
            JudgeSimulation.Verdict verdict = JudgeSimulation.judge(spec, window(baseline, candidate,
                    now - stepStarted, scenario.judging().oracle() ? scenario : null));
            switch (verdict.decision()) {
                case "FAIL" -> {
                    return new Outcome(Outcome.REVERTED, cause(verdict), candidateCalls, slotCalls, now, step + 1,
                            firstStep);
                }
                case "INCONCLUSIVE" -> {
                    return new Outcome(Outcome.HELD, null, candidateCalls, slotCalls, now, step + 1, firstStep);
                }
                case "PASS" -> {
                    if (step == steps.length - 1) {
                        return new Outcome(spec.autoPromote ? Outcome.PROMOTED : Outcome.HELD, null, candidateCalls,
                                slotCalls, now, step + 1, firstStep);
                    }
                    if (step == 0) {
                        firstStep = candidateCalls;
                    }
                    step++;
                    threshold = Buckets.threshold(steps[step]);
                    stepStarted = now;
                    baseline.newWindow();
                    candidate.newWindow();
                }
                default -> {
                    if (now > longest) { // a judge that never decides: counted as held
                        return new Outcome(Outcome.HELD, null, candidateCalls, slotCalls, now, step + 1, firstStep);
                    }
                }
            }
        }
    }

    /**
     * The evidence of one look, assembled as {@code Canary.evaluate} assembles it; with an {@code oracle}, the
     * baseline's error rate and p99 are the true ones rather than its window's.
     */
    private JudgeSimulation.Window window(SimArm baseline, SimArm candidate, long stepMillis, Scenario oracle) {
        Histogram base = baseline.times();
        Histogram cand = candidate.times();
        long slow = oracle == null ? JudgeSimulation.slower(cand, base, spec) : slowerThanTrue(cand, base, oracle);
        boolean novel = candidate.thrown > 0
                && !(candidate.exception.equals(baseline.exception) && baseline.thrown > 0);
        long baselineCalls = oracle != null ? ORACLE_CALLS : baseline.calls;
        long baselineErrors = oracle != null ? Math.round(oracle.baselineErrors() * ORACLE_CALLS) : baseline.errors;
        return new JudgeSimulation.Window(candidate.calls, candidate.errors, baselineCalls, baselineErrors,
                cand.getTotalCount(), slow, base.getTotalCount(), stepMillis, novel ? candidate.exception : null,
                novel ? candidate.thrown : 0);
    }

    /** As {@code Canary.slower}, with the baseline's true p99 instead of its window's. */
    private long slowerThanTrue(Histogram candidate, Histogram baseline, Scenario oracle) {
        long bound = oracle.trueBaselineP99() + spec.slowMarginMicros * 1000;
        return baseline.getTotalCount() == 0 || bound >= candidate.getMaxValue() ? 0
                : candidate.getTotalCount() - candidate.getCountBetweenValues(0, bound);
    }

    private static String cause(JudgeSimulation.Verdict verdict) {
        if (verdict.reason().startsWith("hard guard")) {
            return verdict.reason().contains("never threw") ? "guard:new-exception" : "guard:errors";
        }
        return verdict.errorScore() >= verdict.reject() ? "errors" : "latency";
    }
}
