package io.patchbay.webconsole;

import com.fasterxml.jackson.core.JsonGenerator;
import io.patchbay.api.dto.ArmDTO;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The canaries in {@code patches.json} ({@code canaries[]}) and in the answers of the canary actions
 * ({@code canary}): the fields of {@link CanaryDTO}, {@link ArmDTO} and {@link CanarySpecDTO} under their own
 * names, documented in {@code docs/webconsole.md}. A number that is not finite, or a setting left unset, is
 * {@code null}.
 */
final class CanaryJson {

    /**
     * The ledger actions of a canary in progress: their {@code to} is the candidate, which they route part of the
     * calls to at most, so an implementation's {@code lastSwitch} is never one of them.
     */
    static final Set<String> NOT_SWITCHES = Set.of("canary", "step", "hold", "resume");

    private CanaryJson() {
    }

    /** The field {@code canaries}: every canary running or holding, ordered by slot. */
    static void canaries(JsonGenerator json, List<CanaryDTO> canaries) throws IOException {
        json.writeArrayFieldStart("canaries");
        for (CanaryDTO canary : canaries) {
            canary(json, canary);
        }
        json.writeEndArray();
    }

    static void canary(JsonGenerator json, CanaryDTO canary) throws IOException {
        json.writeStartObject();
        json.writeStringField("slot", canary.slot);
        json.writeStringField("baseline", canary.baseline);
        json.writeStringField("candidate", canary.candidate);
        json.writeStringField("state", canary.state);
        json.writeNumberField("step", canary.step);
        json.writeNumberField("stepCount", canary.stepCount);
        number(json, "share", canary.share);
        json.writeNumberField("started", canary.started);
        json.writeNumberField("stepStarted", canary.stepStarted);
        arm(json, "baselineArm", canary.baselineArm);
        arm(json, "candidateArm", canary.candidateArm);
        json.writeNumberField("noKeyCalls", canary.noKeyCalls);
        json.writeStringField("verdict", canary.verdict);
        json.writeStringField("reason", canary.reason);
        number(json, "errorScore", canary.errorScore);
        number(json, "latencyScore", canary.latencyScore);
        number(json, "acceptBound", canary.acceptBound);
        number(json, "rejectBound", canary.rejectBound);
        spec(json, canary.spec);
        json.writeEndObject();
    }

    private static void arm(JsonGenerator json, String name, ArmDTO arm) throws IOException {
        json.writeFieldName(name);
        if (arm == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("implementation", arm.implementation);
        number(json, "share", arm.share);
        json.writeNumberField("calls", arm.calls);
        json.writeNumberField("errors", arm.errors);
        number(json, "errorRate", arm.errorRate);
        number(json, "p50Micros", arm.p50Micros);
        number(json, "p99Micros", arm.p99Micros);
        json.writeNumberField("timedCalls", arm.timedCalls);
        json.writeNumberField("slowerThanBaselineP99", arm.slowerThanBaselineP99);
        json.writeEndObject();
    }

    private static void spec(JsonGenerator json, CanarySpecDTO spec) throws IOException {
        json.writeFieldName("spec");
        if (spec == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("split", spec.split);
        json.writeFieldName("steps");
        if (spec.steps == null) {
            json.writeNull();
        } else {
            json.writeStartArray();
            for (double step : spec.steps) {
                number(json, step);
            }
            json.writeEndArray();
        }
        strings(json, "keys", spec.keys);
        strings(json, "bundles", spec.bundles);
        json.writeStringField("salt", spec.salt);
        number(json, "minStepMillis", spec.minStepMillis);
        number(json, "maxStepMillis", spec.maxStepMillis);
        number(json, "minCalls", spec.minCalls);
        json.writeFieldName("autoPromote");
        if (spec.autoPromote == null) {
            json.writeNull();
        } else {
            json.writeBoolean(spec.autoPromote);
        }
        number(json, "alpha", spec.alpha);
        number(json, "beta", spec.beta);
        number(json, "errorMargin", spec.errorMargin);
        number(json, "errorRatio", spec.errorRatio);
        number(json, "slowShare", spec.slowShare);
        number(json, "slowRatio", spec.slowRatio);
        number(json, "slowMarginMicros", spec.slowMarginMicros);
        number(json, "warmupCalls", spec.warmupCalls);
        number(json, "guardErrorRate", spec.guardErrorRate);
        number(json, "guardCalls", spec.guardCalls);
        number(json, "newExceptionRepeats", spec.newExceptionRepeats);
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, String[] values) throws IOException {
        json.writeFieldName(name);
        if (values == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void number(JsonGenerator json, String name, Number value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long whole) {
            json.writeNumber(whole);
        } else {
            number(json, value.doubleValue());
        }
    }

    /** A decimal; whole values without a fraction ({@code 5}, not {@code 5.0}), NaN and infinities as null. */
    private static void number(JsonGenerator json, double value) throws IOException {
        if (!Double.isFinite(value)) {
            json.writeNull();
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumber((long) value);
        } else {
            json.writeNumber(value);
        }
    }
}
