package io.patchbay.fleet;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ChangeDTO;
import java.util.function.BooleanSupplier;

/**
 * Health by the canary judge ({@code healthMode = canary}): instead of an apply, the patch runs as a canary on a
 * share of the slot's calls, and Patchbay's judge compares it with the code it would replace, step by step. A
 * promotion is the deployment's success; the judge's auto-revert is its failure, with the judge's sentence. A
 * canary that holds (the judge could not decide in its time) is reverted here and reported as a failure, so that
 * an undecided patch never goes on to the next group.
 */
final class CanaryJudgement {

    /**
     * How long a canary that left the running ones may take to say how it ended: the manager drops it from
     * {@link PatchManager#canaries()} before the switch that ends it and remembers the outcome after that switch,
     * whose drain alone may take {@code drain.timeout.ms} (5 s by default).
     */
    static final long ENDING_MILLIS = 60_000;

    private final PatchManager manager;
    private final double[] steps;
    private final long minStepMillis;
    private final long maxStepMillis;
    private final long endingMillis;

    CanaryJudgement(PatchManager manager, double[] steps, long minStepMillis, long maxStepMillis) {
        this(manager, steps, minStepMillis, maxStepMillis, ENDING_MILLIS);
    }

    CanaryJudgement(PatchManager manager, double[] steps, long minStepMillis, long maxStepMillis, long endingMillis) {
        this.manager = manager;
        this.steps = steps.clone();
        this.minStepMillis = minStepMillis;
        this.maxStepMillis = maxStepMillis;
        this.endingMillis = endingMillis;
    }

    /** The steps of {@code canarySteps}: shares in percent, comma-separated. */
    static double[] steps(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * Runs the canary of {@code patch} on {@code slot} until the judge decides; answers the promotion as a change
     * ({@code from} the baseline, {@code to} the patch), or {@code null} when {@code cancelled} ended it.
     */
    ChangeDTO judge(String slot, String patch, String reason, String actor, BooleanSupplier cancelled)
            throws DeploymentException, InterruptedException {
        CanarySpecDTO spec = new CanarySpecDTO();
        spec.split = CanarySpecDTO.CALLS;
        spec.steps = steps;
        spec.minStepMillis = minStepMillis;
        spec.maxStepMillis = maxStepMillis;
        spec.autoPromote = true;
        CanaryDTO started;
        try {
            started = manager.canary(slot, patch, spec, reason, actor);
        } catch (PatchException e) {
            throw new DeploymentException(e.getMessage(), e);
        }
        AgentCrashPoints.reached("canary");
        while (true) {
            CanaryDTO now = running(started.slot);
            if (now == null) {
                return ended(started);
            }
            if (CanaryDTO.HOLDING.equals(now.state)) {
                revert(started.slot, actor, "the canary judge could not decide: " + now.reason);
                throw new DeploymentException("The canary judge could not decide (" + now.reason
                        + "); reverted " + started.candidate + ".");
            }
            if (cancelled.getAsBoolean()) {
                revert(started.slot, actor, "hawkBit cancelled the action");
                return null;
            }
            Thread.sleep(HealthWatch.LOOK_MILLIS);
        }
    }

    private CanaryDTO running(String slot) {
        return manager.canaries().stream().filter(canary -> canary.slot.equals(slot)).findFirst().orElse(null);
    }

    /** The canary is over: promoted (the candidate is active), or reverted with the judge's sentence. */
    private ChangeDTO ended(CanaryDTO canary) throws DeploymentException, InterruptedException {
        CanaryDTO last = outcome(canary);
        if (last != null && CanaryDTO.PROMOTED.equals(last.state)) {
            return Deployer.change(canary.slot, canary.baseline, canary.candidate);
        }
        String why = last == null || last.outcomeReason == null ? "the canary ended" : last.outcomeReason;
        throw new DeploymentException("The canary judge reverted " + canary.candidate + ": " + why);
    }

    /**
     * This canary as the manager remembers its end, or {@code null} if it does not within {@link #endingMillis}
     * (the manager forgot it). Until the ending switch is done, {@code lastCanary} answers the slot's previous canary,
     * whose outcome is not this one's.
     */
    private CanaryDTO outcome(CanaryDTO canary) throws InterruptedException {
        long deadline = System.nanoTime() + endingMillis * 1_000_000;
        while (true) {
            CanaryDTO last = manager.lastCanary(canary.slot);
            if (last != null && last.started == canary.started && canary.candidate.equals(last.candidate)) {
                return last;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            Thread.sleep(Math.min(HealthWatch.LOOK_MILLIS, left));
        }
    }

    private void revert(String slot, String actor, String reason) {
        try {
            manager.revert(slot, reason, actor);
        } catch (PatchException e) { // it ended meanwhile: nothing to revert
            java.util.logging.Logger.getLogger(CanaryJudgement.class.getName()).fine(e.getMessage());
        }
    }
}
