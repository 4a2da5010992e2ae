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

/**
 * One canary in progress: its slot, its two arms as the call path feeds them, and the {@link CanaryMachine} that
 * decides; this class only carries out what the machine decides on the slot (its split, the arms' sampling).
 * Changed by {@link Canaries} only, under the manager's operation lock; read by anyone.
 */
final class Canary {

    private final Slot slot;
    private final CanaryMachine machine;
    private final Arm baseline;
    private final Arm candidate;
    private final Buckets buckets;
    private final Supplier<String> keys;
    private final LongAdder noKey = new LongAdder();
    private final long started;
    final String checksum;
    final String signer;
    private volatile Ending ending;

    /** How a canary ended, as {@link CanaryDTO#outcome} and its neighbours tell it. */
    record Ending(String action, String reason, String actor, long time) {
    }

    Canary(Slot slot, Implementation baseline, Implementation candidate, CanarySpecDTO spec, Supplier<String> keys,
            long now, String checksum, String signer) {
        this.slot = slot;
        this.machine = new CanaryMachine(spec, now);
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

    CanaryMachine machine() {
        return machine;
    }

    /** Starts observing both arms and routes the first step. */
    void begin() {
        baseline.start();
        candidate.start();
        route();
    }

    /** Routes the machine's current step: one write of the slot's split. */
    void route() {
        baseline.newWindow();
        candidate.newWindow();
        baseline.sample(machine.baselineTimedPercent());
        candidate.sample(machine.candidateTimedPercent());
        slot.split(Splits.of(machine.spec(), baseline(), candidate(), machine.percent(), buckets, keys, noKey));
    }

    /** Every call goes to the baseline again (or, after a promote, to the candidate); observing stops. */
    void end(String finalState) {
        slot.split(null);
        baseline.stop();
        candidate.stop();
        machine.end(finalState);
    }

    /** Remembers how the canary ended, for {@link #dto()}; once {@link #end} was called. */
    void ended(Ending how) {
        ending = how;
    }

    /** The judge's look: what both arms did since the last one, handed to the machine. The route owner's thread only (the judge's look). */
    CanaryMachine.Decision look(long now) {
        Map<String, Long> baselineThrew = baseline.thrown();
        Map.Entry<String, Long> novel = candidate.thrown().entrySet().stream()
                .filter(e -> !baselineThrew.containsKey(e.getKey())).max(Map.Entry.comparingByValue()).orElse(null);
        long[] cand = candidate.takeCounts();
        long[] base = baseline.takeCounts();
        candidate.pace(cand[0]);
        baseline.pace(base[0]);
        return machine.look(new Evidence(cand[0], cand[1], base[0], base[1], candidate.takeTimes(),
                baseline.takeTimes(), novel == null ? null : novel.getKey(), novel == null ? 0 : novel.getValue()),
                now);
    }

    /** Both arms (calls counted live) and the verdict in one sentence, for the ledger. */
    String statistics() {
        return statistics(dto(machine.view(), true), machine.view());
    }

    /** The same for the canary as it was when {@code decided} (the step a decision ended). */
    String statistics(CanaryView view) {
        return statistics(dto(view, false), view);
    }

    private static String statistics(CanaryDTO dto, CanaryView view) {
        Verdict last = view.verdict();
        return String.format(Locale.ROOT, "step %d of %d (%s %%); candidate %s; baseline %s%s", view.step() + 1,
                view.stepCount(), number(view.percent()), arm(dto.candidateArm), arm(dto.baselineArm),
                last == null ? "" : String.format(Locale.ROOT, "; error test %.2f, latency test %.2f (revert at %.2f,"
                        + " pass at %.2f)", last.errorScore(), last.latencyScore(), last.reject(), last.accept()));
    }

    private static String arm(ArmDTO arm) {
        return String.format(Locale.ROOT, "%s: %d calls, %d errors (%.2f %%), %s", arm.implementation, arm.calls,
                arm.errors, arm.errorRate * 100, arm.timedCalls == 0 ? "not timed yet (warming up)"
                        : String.format(Locale.ROOT, "p50 %.0f us, p99 %.0f us", arm.p50Micros, arm.p99Micros));
    }

    /**
     * The canary now: while it runs, calls and errors of the step counted live, the rest as of the judge's last
     * look; once ended, as the judge last saw it.
     */
    CanaryDTO dto() {
        return dto(machine.view(), ending == null); // an ended canary keeps the counts it ended with
    }

    private CanaryDTO dto(CanaryView view, boolean live) {
        CanarySpecDTO spec = machine.spec();
        boolean share = CanarySpecs.isShare(spec);
        CanaryDTO dto = new CanaryDTO();
        dto.slot = slot.id();
        dto.baseline = baseline().id();
        dto.candidate = candidate().id();
        dto.state = view.state();
        dto.spec = spec;
        dto.step = view.step() + 1;
        dto.stepCount = view.stepCount();
        dto.share = view.percent();
        dto.started = started;
        dto.stepStarted = view.stepStarted();
        dto.baselineArm = arm(baseline(), view.baseline(), 100 - (share ? view.percent() : 0));
        dto.candidateArm = arm(candidate(), view.candidate(), share ? view.percent() : 0);
        if (live) {
            counts(dto.baselineArm, baseline);
            counts(dto.candidateArm, candidate);
        }
        if (!share) { // chosen keys or bundles: the share they turned out to have
            long all = dto.baselineArm.calls + dto.candidateArm.calls;
            dto.candidateArm.share = all == 0 ? 0 : 100.0 * dto.candidateArm.calls / all;
            dto.baselineArm.share = all == 0 ? 0 : 100 - dto.candidateArm.share;
        }
        dto.noKeyCalls = noKey.sum();
        Ending how = ending;
        if (how != null) {
            dto.outcome = how.action();
            dto.outcomeReason = how.reason();
            dto.outcomeActor = how.actor();
            dto.ended = how.time();
        }
        Verdict last = view.verdict();
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

    private static void counts(ArmDTO dto, Arm arm) {
        dto.calls = arm.windowCalls();
        dto.errors = arm.windowErrors();
        dto.errorRate = dto.calls == 0 ? 0 : (double) dto.errors / dto.calls;
    }

    private static ArmDTO arm(Implementation implementation, CanaryView.ArmView view, double share) {
        ArmDTO dto = new ArmDTO();
        dto.implementation = implementation.id();
        dto.share = share;
        dto.calls = view.calls();
        dto.errors = view.errors();
        dto.errorRate = dto.calls == 0 ? 0 : (double) dto.errors / dto.calls;
        dto.timedCalls = view.timed();
        dto.p50Micros = view.p50Micros();
        dto.p99Micros = view.p99Micros();
        dto.slowerThanBaselineP99 = view.slow();
        return dto;
    }

    private static String number(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
