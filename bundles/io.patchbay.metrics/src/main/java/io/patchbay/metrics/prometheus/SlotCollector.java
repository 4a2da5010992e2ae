package io.patchbay.metrics.prometheus;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.SlotDTO;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Reads the slots from {@link PatchManager} at scrape time and turns them into metric families: one
 * {@link PatchManager#slots()} and one {@link PatchManager#history(String)} per scrape, so every family of one
 * scrape describes the same moment. Nothing is counted here and no thread runs between scrapes.
 */
public final class SlotCollector implements MultiCollector {

    /** The ledger actions that move a slot's route; {@code interrupted} records one that did not happen. */
    static final List<String> SWITCH_ACTIONS = List.of("apply", "revert", "activate", "fallback", "promote");

    private final PatchManager manager;

    public SlotCollector(PatchManager manager) {
        this.manager = manager;
    }

    @Override
    public MetricSnapshots collect() {
        List<SlotDTO> slots = manager.slots();
        List<Implementation> implementations = implementations(slots);
        return MetricSnapshots.of(
                counter("patchbay_calls", "Calls answered (normally or with an exception) by an implementation"
                        + " since it was registered.", implementations, i -> i.dto.calls),
                counter("patchbay_errors", "Calls to an implementation that ended with an exception.",
                        implementations, i -> i.dto.errors),
                gauge("patchbay_in_flight", "Calls running on an implementation right now.", implementations,
                        i -> i.dto.inFlight),
                gauge("patchbay_active", "1 for the implementation a slot routes every call to, 0 for a standby.",
                        implementations, i -> i.active ? 1 : 0),
                switches(slots, manager.history(null)));
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of("patchbay_calls", "patchbay_errors", "patchbay_in_flight", "patchbay_active",
                "patchbay_switches");
    }

    private static List<Implementation> implementations(List<SlotDTO> slots) {
        List<Implementation> implementations = new ArrayList<>();
        for (SlotDTO slot : slots) {
            if (slot.active != null) {
                implementations.add(new Implementation(slot.id, slot.active, true));
            }
            for (ImplementationDTO standby : slot.standby) {
                implementations.add(new Implementation(slot.id, standby, false));
            }
        }
        return implementations;
    }

    private static CounterSnapshot counter(String name, String help, List<Implementation> implementations,
            ToDoubleFunction<Implementation> value) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name(name).help(help);
        for (Implementation implementation : implementations) {
            family.dataPoint(CounterDataPointSnapshot.builder().labels(implementation.labels())
                    .value(value.applyAsDouble(implementation)).build());
        }
        return family.build();
    }

    private static GaugeSnapshot gauge(String name, String help, List<Implementation> implementations,
            ToDoubleFunction<Implementation> value) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        for (Implementation implementation : implementations) {
            family.dataPoint(GaugeDataPointSnapshot.builder().labels(implementation.labels())
                    .value(value.applyAsDouble(implementation)).build());
        }
        return family.build();
    }

    /** Route changes per slot and action, counted in the ledger (so across restarts); 0 for an action not seen. */
    private static CounterSnapshot switches(List<SlotDTO> slots, List<LedgerEntryDTO> ledger) {
        Map<String, Long> counts = new HashMap<>();
        for (LedgerEntryDTO entry : ledger) {
            if (SWITCH_ACTIONS.contains(entry.action)) {
                counts.merge(entry.slot + '\n' + entry.action, 1L, Long::sum);
            }
        }
        CounterSnapshot.Builder family = CounterSnapshot.builder().name("patchbay_switches")
                .help("Route changes of a slot recorded in the ledger, by action (apply, revert, activate,"
                        + " fallback, promote).");
        for (SlotDTO slot : slots) {
            for (String action : SWITCH_ACTIONS) {
                family.dataPoint(CounterDataPointSnapshot.builder()
                        .labels(Labels.of("slot", slot.id, "action", action))
                        .value(counts.getOrDefault(slot.id + '\n' + action, 0L)).build());
            }
        }
        return family.build();
    }

    private record Implementation(String slot, ImplementationDTO dto, boolean active) {

        Labels labels() {
            return Labels.of("slot", slot, "implementation", dto.id);
        }
    }
}
