package io.patchbay.core.canary;

import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;

/**
 * A canary's decisions, apart from what carries them out: evidence and time go in ({@link #look}), a decision comes
 * out. It walks the steps, holds and resumes, and judges with the three sequential tests of {@link Judge}, whose
 * evidence accumulates over the whole canary:
 * <ul>
 * <li>a guard or a test that reaches its reject bound reverts, in any step, held or not;</li>
 * <li>a step before the last passes once it was held {@code minStepMillis}, its candidate made {@code minCalls}
 * calls, latency can be judged and every test leans to "no worse" (at most 0): small steps limit who sees the
 * candidate, they need not prove it on their own;</li>
 * <li>the last step passes only when every test reached its pass bound: that promotes (or, without
 * {@code autoPromote}, holds for an operator);</li>
 * <li>a step still undecided after {@code maxStepMillis} holds for an operator.</li>
 * </ul>
 * No threads, no clock, no OSGi: the manager ({@link Canaries}) and the bench's simulation run this same class. Not
 * thread-safe: one caller at a time (the manager's operation lock); {@link #view} may be read by anyone.
 */
public final class CanaryMachine {

    /** What the caller must do after a look. */
    public enum Action {
        /** Nothing: keep routing as now. */
        WAIT,
        /** Route the next step ({@link #percent()}) and time its calls ({@link #candidateTimedPercent()} and
         * {@link #baselineTimedPercent()}). */
        STEP,
        /** Make the candidate active; the canary is over. */
        PROMOTE,
        /** The canary holds at its step (undecided in time, or waiting for an operator to promote). */
        HOLD,
        /** Every call to the baseline again; the canary is over. */
        REVERT
    }

    /** A look's outcome: what to do, the verdict behind it, and the canary as it was when decided. */
    public record Decision(Action action, Verdict verdict, CanaryView decided) {
    }

    private final CanarySpecDTO spec;
    private final double[] steps;
    private final ArmTally baseline = new ArmTally();
    private final ArmTally candidate = new ArmTally();
    private final Judge judge;
    private int step;
    private long stepStarted;
    private String state = CanaryDTO.RUNNING;
    private Verdict verdict;
    private volatile CanaryView view;

    /** @param spec a completed spec ({@link CanarySpecs#complete}) */
    public CanaryMachine(CanarySpecDTO spec, long now) {
        this.spec = spec;
        this.steps = CanarySpecs.isShare(spec) ? spec.steps.clone() : new double[] { 100 };
        this.judge = new Judge(spec);
        this.stepStarted = now;
        publish();
    }

    /** Takes in what both arms did since the last look, at {@code now}, and decides. */
    public Decision look(Evidence e, long now) {
        baseline.add(e.baselineCalls(), e.baselineErrors(), e.baselineTimes());
        candidate.add(e.candidateCalls(), e.candidateErrors(), e.candidateTimes());
        judge.add(e, baseline);
        long stepMillis = now - stepStarted;
        String fail = judge.guard(candidate, e);
        fail = fail != null ? fail : judge.failure(candidate, baseline);
        if (fail != null) {
            return decide(Action.REVERT, verdict(Verdict.Decision.FAIL, fail), now);
        }
        String waiting = waitingFor(stepMillis);
        if (waiting == null) {
            Verdict pass = verdict(Verdict.Decision.PASS, passed());
            if (holding()) {
                return decide(Action.WAIT, pass, now);
            }
            if (!lastStep()) {
                return decide(Action.STEP, pass, now);
            }
            return spec.autoPromote ? decide(Action.PROMOTE, pass, now) : decide(Action.HOLD,
                    verdict(Verdict.Decision.PASS, pass.reason() + "; it waits for an operator to promote it"), now);
        }
        if (stepMillis >= spec.maxStepMillis && !holding()) {
            return decide(Action.HOLD, verdict(Verdict.Decision.INCONCLUSIVE, "undecided after " + stepMillis / 1000
                    + " s (" + waiting + "): the canary holds and waits for an operator"), now);
        }
        return decide(Action.WAIT, verdict(Verdict.Decision.WAIT, waiting), now);
    }

    private Verdict verdict(Verdict.Decision decision, String reason) {
        return new Verdict(decision, reason, judge.errorScore(), judge.latencyScore(), judge.accept, judge.reject);
    }

    private String waitingFor(long stepMillis) {
        if (candidate.windowCalls() < spec.minCalls) {
            return "holding: " + candidate.windowCalls() + " of " + spec.minCalls + " candidate calls";
        }
        if (!Judge.latencyJudged(baseline)) {
            return "holding: the baseline has " + baseline.all().getTotalCount() + " of " + Judge.BASELINE_TIMED
                    + " timed calls needed to judge latency";
        }
        double bound = lastStep() ? judge.accept : 0;
        String above = judge.above(bound);
        if (above != null) {
            return "holding: " + above;
        }
        if (stepMillis < spec.minStepMillis) {
            return "holding: " + stepMillis / 1000 + " s of the step's " + spec.minStepMillis / 1000 + " s";
        }
        return null;
    }

    private String passed() {
        return String.format(java.util.Locale.ROOT, "the candidate is no worse than the baseline%s: errors %s against"
                + " %s since the canary began, %d of %d timed calls in this step slower than the baseline's p99 x %s"
                + " + %d us", lastStep() ? "" : " so far", Judge.rate(candidate.errors(), candidate.calls()),
                Judge.rate(baseline.errors(), baseline.calls()), judge.slow(candidate.window()),
                candidate.window().getTotalCount(), spec.slowRatio, spec.slowMarginMicros);
    }

    private Decision decide(Action action, Verdict given, long now) {
        verdict = given;
        CanaryView decided = publish();
        switch (action) {
            case STEP -> enter(step + 1, now);
            case HOLD -> state = CanaryDTO.HOLDING;
            case PROMOTE -> state = CanaryDTO.PROMOTED;
            case REVERT -> state = CanaryDTO.REVERTED;
            default -> {
                return new Decision(action, given, decided);
            }
        }
        publish();
        return new Decision(action, given, decided);
    }

    /** An operator's hold: the judge still reverts a failing candidate, but neither steps nor promotes. */
    public void hold() {
        state = CanaryDTO.HOLDING;
        publish();
    }

    /** Walks the steps again; the held step's window starts anew (the tests keep what they learnt). */
    public void resume(long now) {
        state = CanaryDTO.RUNNING;
        enter(step, now);
        publish();
    }

    /** The canary ended outside the judge (an operator's promote or revert, or an arm went away). */
    public void end(String finalState) {
        state = finalState;
        publish();
    }

    private void enter(int index, long now) {
        step = index;
        stepStarted = now;
        verdict = null;
        baseline.newWindow();
        candidate.newWindow();
    }

    private CanaryView publish() {
        view = new CanaryView(step, steps.length, steps[step], state, stepStarted, verdict,
                CanaryView.ArmView.of(baseline, 0), CanaryView.ArmView.of(candidate, judge.slow(candidate.window())),
                judge.errorScore(), judge.latencyScore(), judge.accept, judge.reject);
        return view;
    }

    public boolean holding() {
        return CanaryDTO.HOLDING.equals(state);
    }

    public boolean lastStep() {
        return step == steps.length - 1;
    }

    /** The candidate's share in the current step, in percent (100 for a chosen-keys or bundles split). */
    public double percent() {
        return steps[step];
    }

    /**
     * The share of the candidate's calls to time in the current step, in percent: all of them up to a 5 % step, then
     * fewer, so that about 5 % of the slot's calls are candidate calls timed (at least a tenth of them). Timing a call
     * (two clock reads and a histogram record) costs more than the rest of a canary's call path, and a few hundred
     * timed calls are all the latency tests need. All of them for a chosen-keys or bundles split, whose share is not
     * known in advance.
     */
    public double candidateTimedPercent() {
        return CanarySpecs.isShare(spec) ? Math.max(10, Math.min(100, 500 / steps[step])) : 100;
    }

    /**
     * The share of the baseline's calls to time in the current step, in percent: as many timed calls as the
     * candidate's, at least 5 % of them (the baseline's times add up over the whole canary); all of them for a
     * chosen-keys or bundles split.
     */
    public double baselineTimedPercent() {
        double percent = steps[step];
        return CanarySpecs.isShare(spec)
                ? Math.min(100, Math.max(5, percent * candidateTimedPercent() / (100 - percent))) : 100;
    }

    public CanarySpecDTO spec() {
        return spec;
    }

    /** The canary as of the last look or change; safe to read from any thread. */
    public CanaryView view() {
        return view;
    }
}
