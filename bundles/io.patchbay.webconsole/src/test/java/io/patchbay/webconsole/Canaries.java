package io.patchbay.webconsole;

import io.patchbay.api.dto.ArmDTO;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;

/** Canary DTOs as the manager hands them out, for the tests. */
final class Canaries {

    private Canaries() {
    }

    static CanaryDTO canary(String state, String split) {
        CanarySpecDTO spec = new CanarySpecDTO();
        spec.split = split;
        spec.steps = new double[] { 2.5, 50 };
        spec.keys = new String[] { "acme" };
        spec.bundles = new String[0];
        spec.salt = "a.impl/1.0.1";
        spec.minStepMillis = 30_000L;
        spec.maxStepMillis = 600_000L;
        spec.minCalls = 100L;
        spec.autoPromote = true;
        spec.alpha = 0.01;
        spec.beta = 0.05;
        spec.errorMargin = 0.005;
        spec.errorRatio = 2.0;
        spec.slowShare = 0.05;
        spec.slowRatio = 1.2;
        spec.slowMarginMicros = 1_000L;
        spec.warmupCalls = 200L;
        spec.guardErrorRate = 0.5;
        spec.guardCalls = 20L;
        spec.newExceptionRepeats = 3L;
        CanaryDTO canary = new CanaryDTO();
        canary.slot = "a.B@1.0.0#b";
        canary.baseline = "a.impl/1.0.0";
        canary.candidate = "a.impl/1.0.1";
        canary.state = state;
        canary.spec = spec;
        canary.step = 1;
        canary.stepCount = 2;
        canary.share = 2.5;
        canary.started = 7;
        canary.stepStarted = 8;
        canary.baselineArm = arm("a.impl/1.0.0", 97.5, 390, 0);
        canary.candidateArm = arm("a.impl/1.0.1", 2.5, 10, 1);
        canary.candidateArm.slowerThanBaselineP99 = 1;
        canary.noKeyCalls = 0;
        canary.verdict = "wait";
        canary.reason = "holding: 10 of 100 candidate calls <soon>";
        canary.errorScore = 1.25;
        canary.latencyScore = 0;
        canary.acceptBound = -2.98;
        canary.rejectBound = Double.NaN;
        return canary;
    }

    private static ArmDTO arm(String implementation, double share, long calls, long errors) {
        ArmDTO arm = new ArmDTO();
        arm.implementation = implementation;
        arm.share = share;
        arm.calls = calls;
        arm.errors = errors;
        arm.errorRate = calls == 0 ? 0 : (double) errors / calls;
        arm.p50Micros = 12.5;
        arm.p99Micros = 80;
        arm.timedCalls = calls;
        return arm;
    }
}
