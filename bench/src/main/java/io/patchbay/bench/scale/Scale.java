package io.patchbay.bench.scale;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.Heap;
import io.patchbay.bench.felix.Felix;
import io.patchbay.bench.felix.Manager;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Stats;
import io.patchbay.bench.report.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Many managed slots, each with several consumers: how long one apply takes as the number of slots grows, and
 * what a slot costs in memory (measured with and without the patch manager, the same bundles otherwise).
 */
public final class Scale {

    private static final String SLOT_ZERO = ScaleBundles.API + ".S0";
    /** Below this many slots the memory they take is within what one System.gc() to the next varies by. */
    private static final int MEASURABLE_SLOTS = 100;

    private final Artifacts artifacts;
    private final List<Integer> sizes;
    private final int consumers;
    private final int applies;

    public Scale(Artifacts artifacts, List<Integer> sizes, int consumers, int applies) {
        this.artifacts = artifacts;
        this.sizes = sizes;
        this.consumers = consumers;
        this.applies = applies;
    }

    private record Result(int slots, long setupNanos, long heapBytes, long metaspaceBytes, Stats apply, Stats revert) {
    }

    public Section run() throws Exception {
        List<Result> with = new ArrayList<>();
        Result without = null;
        Path folder = Files.createTempDirectory("patchbay-bench-scale-");
        try {
            for (int slots : sizes) {
                ScaleBundles.Jars jars = ScaleBundles.write(Files.createDirectories(folder.resolve("n" + slots)),
                        slots, consumers);
                with.add(measure(jars, slots, true));
                if (slots == sizes.get(sizes.size() - 1)) {
                    without = measure(jars, slots, false);
                }
            }
        } finally {
            delete(folder);
        }
        return section(with, without);
    }

    private Result measure(ScaleBundles.Jars jars, int slots, boolean patchbay) throws Exception {
        try (Felix felix = Felix.start(artifacts.runtime(patchbay))) {
            long heap = Heap.used();
            long metaspace = Heap.metaspace();
            long start = System.nanoTime();
            List<Bundle> installed = new ArrayList<>();
            installed.add(felix.context().installBundle(jars.api().toUri().toString()));
            installed.add(felix.context().installBundle(jars.implementation().toUri().toString()));
            for (Path consumer : jars.consumers()) {
                installed.add(felix.context().installBundle(consumer.toUri().toString()));
            }
            for (Bundle bundle : installed) {
                bundle.start();
            }
            long setup = System.nanoTime() - start;
            long heapDelta = Heap.used() - heap;
            long metaDelta = Heap.metaspace() - metaspace;
            Stats apply = new Stats();
            Stats revert = new Stats();
            if (patchbay) {
                Manager manager = new Manager(felix);
                for (int i = 0; i < warmups(); i++) { // each framework loads the core afresh: warm its JIT up
                    applyOnce(felix, manager, jars, new Stats(), new Stats());
                }
                for (int i = 0; i < applies; i++) {
                    applyOnce(felix, manager, jars, apply, revert);
                }
            }
            return new Result(slots, setup, heapDelta, metaDelta, apply, revert);
        }
    }

    private int warmups() {
        return Math.max(1, applies / 5);
    }

    private void applyOnce(Felix felix, Manager manager, ScaleBundles.Jars jars, Stats apply, Stats revert)
            throws Exception {
        long start = System.nanoTime();
        manager.apply(jars.patch().toFile());
        apply.record(System.nanoTime() - start);
        expectEveryConsumer(felix, -1);
        start = System.nanoTime();
        manager.revert(SLOT_ZERO);
        revert.record(System.nanoTime() - start);
        expectEveryConsumer(felix, 0);
        Bundle patch = Stream.of(felix.context().getBundles())
                .filter(b -> "bench.scale.patch".equals(b.getSymbolicName())).findFirst().orElseThrow();
        patch.uninstall();
        felix.refresh(List.of(patch));
    }

    /** Every consumer's held service of slot S0 answers {@code value}: the apply reached them all. */
    private void expectEveryConsumer(Felix felix, int value) throws Exception {
        int reached = 0;
        for (ServiceReference<IntSupplier> reference : felix.context().getServiceReferences(IntSupplier.class,
                "(bench.consumer=*)")) {
            IntSupplier consumer = felix.context().getService(reference);
            if (consumer.getAsInt() == value) {
                reached++;
            }
            felix.context().ungetService(reference);
        }
        if (reached != consumers) {
            throw new IllegalStateException(reached + " of " + consumers + " consumers answered " + value);
        }
    }

    private Section section(List<Result> with, Result without) {
        Table table = new Table("Slots", "Consumers per slot", "Start of slots + consumers", "One apply p50 / p99",
                "One revert p50 / p99", "Heap per slot", "Metaspace per slot");
        for (Result r : with) {
            boolean measurable = r.slots() >= MEASURABLE_SLOTS;
            table.row(r.slots(), consumers, Stats.ms(r.setupNanos() / 1e6), r.apply().cell(), r.revert().cell(),
                    measurable ? perSlot(r.heapBytes(), r.slots()) : "below noise",
                    measurable ? perSlot(r.metaspaceBytes(), r.slots()) : "below noise");
        }
        List<String> notes = new ArrayList<>(List.of(
                "Generated bundles: one API bundle with N interfaces, one bundle registering a managed service for"
                        + " each, " + consumers + " consumer bundles that each getService() every slot and keep it"
                        + " (so " + consumers + " facades per slot), and a patch for slot S0. Each apply is"
                        + " followed by a check that all consumers reach the patch, a revert, an uninstall and a"
                        + " refresh; " + applies + " timed applies per size after " + warmups() + " untimed ones.",
                "Memory: used heap and metaspace after System.gc(), after minus before installing the generated"
                        + " bundles, divided by N (shown from " + MEASURABLE_SLOTS + " slots on)."));
        Map<String, Object> data = new LinkedHashMap<>();
        if (without != null) {
            Result largest = with.get(with.size() - 1);
            notes.add("Without the patch manager the same " + without.slots() + " slots cost "
                    + perSlot(without.heapBytes(), without.slots()) + " heap and "
                    + perSlot(without.metaspaceBytes(), without.slots()) + " metaspace per slot and took "
                    + Stats.ms(without.setupNanos() / 1e6) + " to start: Patchbay's share is "
                    + perSlot(largest.heapBytes() - without.heapBytes(), largest.slots()) + " heap and "
                    + perSlot(largest.metaspaceBytes() - without.metaspaceBytes(), largest.slots())
                    + " metaspace per slot (" + consumers + " facades each).");
            data.put("withoutPatchbay", json(without));
        }
        if (with.size() > 1) {
            Result small = with.get(0);
            Result large = with.get(with.size() - 1);
            notes.add(String.format("One apply with %d slots against %d: %.2fx at the median.", large.slots(),
                    small.slots(), large.apply().medianMillis() / small.apply().medianMillis()));
        }
        Section section = Section.of("scale", "Scale: many slots, many consumers", table, notes);
        section.data().put("withPatchbay", with.stream().map(Scale::json).toList());
        section.data().putAll(data);
        return section;
    }

    private static Map<String, Object> json(Result r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slots", r.slots());
        json.put("setupMs", Stats.round(r.setupNanos() / 1e6));
        json.put("heapBytes", r.heapBytes());
        json.put("metaspaceBytes", r.metaspaceBytes());
        json.put("apply", r.apply().json());
        json.put("revert", r.revert().json());
        return json;
    }

    private static String perSlot(long bytes, int slots) {
        return String.format("%.1f KB", bytes / 1024.0 / slots);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
