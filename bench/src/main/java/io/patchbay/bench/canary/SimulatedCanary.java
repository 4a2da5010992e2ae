package io.patchbay.bench.canary;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.canary.Buckets;
import io.patchbay.core.canary.Canaries;
import io.patchbay.core.canary.CanaryMachine;
import io.patchbay.core.canary.Evidence;
import io.patchbay.core.canary.Verdict;
import java.util.SplittableRandom;

/**
 * One canary of a random share of calls, simulated call by call on a simulated clock and decided by the manager's
 * own {@link CanaryMachine}, the class the manager's {@code Canaries} runs: between two looks (the judge looks every
 * {@link Canaries#TICK_MILLIS} ms) each call goes to the candidate with the step's share, as {@code Splits.CallShare}
 * sends it (a uniform bucket of 10,000 below the step's threshold), and each arm's calls are timed with the share
 * the machine asks for; at each look what both arms did since the last one goes in, and the decision is
 * carried out: the next step's share, or the end (revert, promotion, hold). Deterministic: everything random comes
 * from the seed.
 */
final class SimulatedCanary {

    private final Scenario scenario;
    private final CanarySpecDTO spec;

    SimulatedCanary(Scenario scenario) {
        if (scenario.callsPerSecond() * Canaries.TICK_MILLIS % 1000 != 0) {
            throw new IllegalArgumentException("The traffic must be a whole number of calls per look");
        }
        this.scenario = scenario;
        this.spec = scenario.spec();
    }

    Outcome run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SimArm baseline = scenario.baseline();
        SimArm candidate = scenario.candidate(spec.warmupCalls);
        CanaryMachine machine = new CanaryMachine(spec, 0);
        long tick = Canaries.TICK_MILLIS;
        long perLook = scenario.callsPerSecond() * tick / 1000;
        int threshold = Buckets.threshold(machine.percent());
        int timedBaseline = Buckets.threshold(machine.baselineTimedPercent());
        int timedCandidate = Buckets.threshold(machine.candidateTimedPercent());
        long now = 0;
        long candidateCalls = 0;
        long slotCalls = 0;
        long firstStep = -1;
        long longest = machine.view().stepCount() * (spec.maxStepMillis + tick); // held by then at the latest
        for (;;) {
            for (long i = 0; i < perLook; i++) {
                if (random.nextInt(Buckets.COUNT) < threshold) {
                    candidate.call(random, timedCandidate);
                    candidateCalls++;
                } else {
                    baseline.call(random, timedBaseline);
                }
            }
            slotCalls += perLook;
            now += tick;
            CanaryMachine.Decision decision = machine.look(evidence(baseline, candidate), now);
            baseline.taken();
            candidate.taken();
            int step = decision.decided().step() + 1;
            switch (decision.action()) {
                case REVERT -> {
                    return new Outcome(Outcome.REVERTED, cause(decision.verdict()), candidateCalls, slotCalls, now,
                            step, firstStep);
                }
                case HOLD -> {
                    return new Outcome(Outcome.HELD, null, candidateCalls, slotCalls, now, step, firstStep);
                }
                case PROMOTE -> {
                    return new Outcome(Outcome.PROMOTED, null, candidateCalls, slotCalls, now, step, firstStep);
                }
                case STEP -> {
                    firstStep = step == 1 ? candidateCalls : firstStep;
                    threshold = Buckets.threshold(machine.percent());
                    timedBaseline = Buckets.threshold(machine.baselineTimedPercent());
                    timedCandidate = Buckets.threshold(machine.candidateTimedPercent());
                }
                default -> {
                    if (now > longest) { // a judge that never decides: counted as held
                        return new Outcome(Outcome.HELD, null, candidateCalls, slotCalls, now, step, firstStep);
                    }
                }
            }
        }
    }

    /** What both arms did since the last look, as {@code Canary.look} hands it to the machine. */
    private static Evidence evidence(SimArm baseline, SimArm candidate) {
        boolean novel = candidate.thrown > 0
                && !(candidate.exception.equals(baseline.exception) && baseline.thrown > 0);
        return new Evidence(candidate.calls, candidate.errors, baseline.calls, baseline.errors, candidate.times(),
                baseline.times(), novel ? candidate.exception : null, novel ? candidate.thrown : 0);
    }

    private static String cause(Verdict verdict) {
        if (verdict.reason().startsWith("hard guard")) {
            return verdict.reason().contains("never threw") ? "guard:new-exception" : "guard:errors";
        }
        if (verdict.failedOnErrors()) {
            return "errors";
        }
        return verdict.reason().contains("on most calls") ? "latency:typical" : "latency:tail";
    }
}
