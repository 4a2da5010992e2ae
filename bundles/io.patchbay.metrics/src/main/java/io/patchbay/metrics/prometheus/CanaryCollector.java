package io.patchbay.metrics.prometheus;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ArmDTO;
import io.patchbay.api.dto.CanaryDTO;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The arms of every canary in progress, read from {@link PatchManager#canaries()} at scrape time: share, the
 * current step's calls and errors, p50 and p99, per slot, implementation and arm ({@code baseline} or
 * {@code candidate}); and per slot the step and the judge's two test scores. Nothing while no canary runs.
 */
public final class CanaryCollector implements MultiCollector {

    private final PatchManager manager;

    public CanaryCollector(PatchManager manager) {
        this.manager = manager;
    }

    @Override
    public MetricSnapshots collect() {
        List<CanaryDTO> canaries = manager.canaries();
        return MetricSnapshots.of(
                arms("patchbay_canary_share_ratio", "The share of a slot's calls (or keys) routed to the arm.",
                        canaries, arm -> arm.share / 100),
                arms("patchbay_canary_step_calls", "Calls the arm answered in the canary's current step.", canaries,
                        arm -> arm.calls),
                arms("patchbay_canary_step_errors", "Calls of the current step that threw.", canaries,
                        arm -> arm.errors),
                arms("patchbay_canary_p50_seconds", "Median time of the arm's timed calls in the current step.",
                        canaries, arm -> arm.p50Micros / 1e6),
                arms("patchbay_canary_p99_seconds", "99th percentile time of the arm's timed calls in the step.",
                        canaries, arm -> arm.p99Micros / 1e6),
                slots("patchbay_canary_step", "The canary's current step, 1-based.", canaries, c -> c.step),
                slots("patchbay_canary_error_score", "The judge's error test (log-likelihood ratio): it reverts at"
                        + " the reject bound, passes at the accept bound.", canaries, c -> c.errorScore),
                slots("patchbay_canary_latency_score", "The judge's latency test (log-likelihood ratio).", canaries,
                        c -> c.latencyScore));
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of("patchbay_canary_share_ratio", "patchbay_canary_step_calls", "patchbay_canary_step_errors",
                "patchbay_canary_p50_seconds", "patchbay_canary_p99_seconds", "patchbay_canary_step",
                "patchbay_canary_error_score", "patchbay_canary_latency_score");
    }

    private static GaugeSnapshot arms(String name, String help, List<CanaryDTO> canaries,
            ToDoubleFunction<ArmDTO> value) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        for (CanaryDTO canary : canaries) {
            family.dataPoint(point(canary, "baseline", canary.baselineArm, value));
            family.dataPoint(point(canary, "candidate", canary.candidateArm, value));
        }
        return family.build();
    }

    private static GaugeDataPointSnapshot point(CanaryDTO canary, String arm, ArmDTO dto,
            ToDoubleFunction<ArmDTO> value) {
        return GaugeDataPointSnapshot.builder()
                .labels(Labels.of("slot", canary.slot, "implementation", dto.implementation, "arm", arm))
                .value(value.applyAsDouble(dto)).build();
    }

    private static GaugeSnapshot slots(String name, String help, List<CanaryDTO> canaries,
            ToDoubleFunction<CanaryDTO> value) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        for (CanaryDTO canary : canaries) {
            family.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("slot", canary.slot))
                    .value(value.applyAsDouble(canary)).build());
        }
        return family.build();
    }
}
