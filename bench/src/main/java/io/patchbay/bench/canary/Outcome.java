package io.patchbay.bench.canary;

/**
 * How one simulated canary ended.
 *
 * @param end {@code reverted}, {@code promoted} or {@code held} (a step stayed undecided past its longest time: the
 *            canary holds and waits for an operator, and the simulation stops there)
 * @param cause what reverted it: {@code errors} or {@code latency} (the sequential tests), {@code guard:errors}
 *            (at least half the step's calls failed) or {@code guard:new-exception}; {@code null} otherwise
 * @param candidateCalls the candidate's calls from the canary's start to its end
 * @param step the step it ended in, from 1
 * @param firstStepCalls the candidate's calls when the first step passed, or -1
 */
record Outcome(String end, String cause, long candidateCalls, long slotCalls, long millis, int step,
        long firstStepCalls) {

    static final String REVERTED = "reverted";
    static final String PROMOTED = "promoted";
    static final String HELD = "held";

    boolean reverted() {
        return REVERTED.equals(end);
    }
}
