package io.patchbay.core.canary;

import io.patchbay.api.dto.ArmDTO;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * One canary in progress: its two arms, its steps and the split of the current step. Changed by {@link Canaries}
 * only, under the manager's operation lock; read by anyone.
 */
final class Canary {

    private final Slot slot;
    private final CanarySpecDTO spec;
    private final double[] steps;
    private final Arm baseline;
    private final Arm candidate;
    private final Buckets buckets;
    private final Supplier<String> keys;
    private final LongAdder noKey = new LongAdder();
    private final long started;
    final String checksum;
    final String signer;
    private volatile int step;
    private volatile long stepStarted;
    private volatile String state = CanaryDTO.RUNNING;
    private volatile Judge.Verdict verdict;
    private volatile Histogram baselineTimes;
    private volatile Histogram candidateTimes;

    Canary(Slot slot, Implementation baseline, Implementation candidate, CanarySpecDTO spec, Supplier<String> keys,
            long now, String checksum, String signer) {
        this.slot = slot;
        this.spec = spec;
        this.steps = CanarySpecs.isShare(spec) ? spec.steps : new double[] { 100 };
        this.baseline = new Arm(baseline, 0);
        this.candidate = new Arm(candidate, spec.warmupCalls);
        this.buckets = new Buckets(spec.salt);
        this.keys = keys;
        this.started = now;
        this.checksum = checksum;
        this.signer = signer;
    }

    Slot slot() {
        return slot;
    }

    Implementation baseline() {
        return baseline.implementation();
    }

    Implementation candidate() {
        return candidate.implementation();
    }

    /** Starts observing both arms and routes the first step. */
    void begin(long now) {
        baseline.start();
        candidate.start();
        enterStep(0, now);
    }

    /** Routes step {@code index}: one write of the slot's split; both windows start anew. */
    void enterStep(int index, long now) {
        step = index;
        stepStarted = now;
        baseline.newWindow();
        candidate.newWindow();
        baseline.sample(baselineTimed(steps[index]));
        slot.split(Splits.of(spec, baseline(), candidate(), steps[index], buckets, keys, noKey));
        verdict = null;
    }

    /**
     * The share of the baseline's calls a step times: four times the candidate's count of timed calls, at least 5 %
     * of them; all of them for a chosen-keys or bundles split, whose share is not known in advance.
     */
    private double baselineTimed(double percent) {
        return CanarySpecs.isShare(spec) ? Math.max(5, 400 * percent / (100 - percent)) : 100;
    }

    /** Every call goes to the baseline again (or, after a promote, to the candidate); observing stops. */
    void end(String finalState) {
        slot.split(null);
        baseline.stop();
        candidate.stop();
        state = finalState;
    }

    boolean lastStep() {
        return step == steps.length - 1;
    }

    int step() {
        return step;
    }

    int stepCount() {
        return steps.length;
    }

    double percent() {
        return steps[step];
    }

    String state() {
        return state;
    }

    void state(String next) {
        state = next;
    }

    Judge.Verdict verdict() {
        return verdict;
    }

    CanarySpecDTO spec() {
        return spec;
    }

    /** The judge's look at the current window; the judge's thread (or an operator's, under the lock) only. */
    Judge.Verdict evaluate(long now) {
        Histogram base = baseline.times();
        Histogram cand = candidate.times();
        baselineTimes = base.copy();
        candidateTimes = cand.copy();
        long slow = slower(cand, base, spec);
        Map<String, Long> baselineThrew = baseline.thrown();
        Map.Entry<String, Long> novel = candidate.thrown().entrySet().stream()
                .filter(e -> !baselineThrew.containsKey(e.getKey())).max(Map.Entry.comparingByValue()).orElse(null);
        Judge.Evidence evidence = new Judge.Evidence(candidate.calls(), candidate.errors(), baseline.calls(),
                baseline.errors(), cand.getTotalCount(), slow, base.getTotalCount(), now - stepStarted,
                novel == null ? null : novel.getKey(), novel == null ? 0 : novel.getValue());
        verdict = Judge.judge(spec, evidence);
        return verdict;
    }

    /** Both arms and the verdict in one sentence, for the ledger. */
    String statistics() {
        CanaryDTO dto = dto();
        Judge.Verdict last = verdict;
        return String.format(Locale.ROOT, "step %d of %d (%s %%); candidate %s; baseline %s%s", step + 1,
                steps.length, number(percent()), arm(dto.candidateArm), arm(dto.baselineArm),
                last == null ? "" : String.format(Locale.ROOT, "; error test %.2f, latency test %.2f (revert at %.2f,"
                        + " pass at %.2f)", last.errorScore(), last.latencyScore(), last.reject(), last.accept()));
    }

    private static String arm(ArmDTO arm) {
        return String.format(Locale.ROOT, "%s: %d calls, %d errors (%.2f %%), %s", arm.implementation, arm.calls,
                arm.errors, arm.errorRate * 100, arm.timedCalls == 0 ? "not timed yet (warming up)"
                        : String.format(Locale.ROOT, "p50 %.0f us, p99 %.0f us", arm.p50Micros, arm.p99Micros));
    }

    CanaryDTO dto() {
        CanaryDTO dto = new CanaryDTO();
        dto.slot = slot.id();
        dto.baseline = baseline().id();
        dto.candidate = candidate().id();
        dto.state = state;
        dto.spec = spec;
        dto.step = step + 1;
        dto.stepCount = steps.length;
        dto.share = percent();
        dto.started = started;
        dto.stepStarted = stepStarted;
        dto.baselineArm = arm(baseline, baselineTimes, 100 - (CanarySpecs.isShare(spec) ? percent() : 0), null,
                spec);
        dto.candidateArm = arm(candidate, candidateTimes, CanarySpecs.isShare(spec) ? percent() : 0,
                baselineTimes, spec);
        if (!CanarySpecs.isShare(spec)) { // chosen keys or bundles: the share they turned out to have
            long all = dto.baselineArm.calls + dto.candidateArm.calls;
            dto.candidateArm.share = all == 0 ? 0 : 100.0 * dto.candidateArm.calls / all;
            dto.baselineArm.share = all == 0 ? 0 : 100 - dto.candidateArm.share;
        }
        dto.noKeyCalls = noKey.sum();
        Judge.Verdict last = verdict;
        if (last != null) {
            dto.verdict = last.decision().name().toLowerCase(Locale.ROOT);
            dto.reason = last.reason();
            dto.errorScore = last.errorScore();
            dto.latencyScore = last.latencyScore();
            dto.acceptBound = last.accept();
            dto.rejectBound = last.reject();
        }
        return dto;
    }

    /** Candidate calls slower than the baseline's p99 plus the slow margin. */
    static long slower(Histogram candidate, Histogram baseline, CanarySpecDTO spec) {
        if (candidate == null || baseline == null || baseline.getTotalCount() == 0) {
            return 0;
        }
        long bound = baseline.getValueAtPercentile(99) + spec.slowMarginMicros * 1000;
        return bound >= candidate.getMaxValue() ? 0
                : candidate.getTotalCount() - candidate.getCountBetweenValues(0, bound);
    }

    private static ArmDTO arm(Arm arm, Histogram times, double share, Histogram baseline, CanarySpecDTO spec) {
        ArmDTO dto = new ArmDTO();
        dto.implementation = arm.implementation().id();
        dto.share = share;
        dto.calls = arm.calls();
        dto.errors = arm.errors();
        dto.errorRate = dto.calls == 0 ? 0 : (double) dto.errors / dto.calls;
        if (times != null && times.getTotalCount() > 0) {
            dto.timedCalls = times.getTotalCount();
            dto.p50Micros = times.getValueAtPercentile(50) / 1000.0;
            dto.p99Micros = times.getValueAtPercentile(99) / 1000.0;
            dto.slowerThanBaselineP99 = slower(times, baseline, spec);
        }
        return dto;
    }

    private static String number(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
