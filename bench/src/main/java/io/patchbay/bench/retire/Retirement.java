package io.patchbay.bench.retire;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.Heap;
import io.patchbay.bench.felix.Felix;
import io.patchbay.bench.felix.Manager;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Stats;
import io.patchbay.bench.report.Table;
import io.patchbay.bench.swap.Callers;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Apply, revert and uninstall (with a refresh) the example patch again and again; afterwards, how many of the
 * patch's class loaders and implementation classes are still reachable, and how much the heap grew. Two control
 * runs without the patch manager (install, start, uninstall, refresh of the same jar; once more without
 * ConfigAdmin) tell the framework's share of the growth from Patchbay's.
 */
public final class Retirement {

    private static final String PATCH_LOCATION = "patchbay:patch/com.example.pricing.impl/1.0.1";
    private static final String IMPL_CLASS = "com.example.pricing.impl.PriceServiceImpl";

    private final Artifacts artifacts;
    private final int cycles;
    private final int warmupCycles;

    public Retirement(Artifacts artifacts, int cycles, int warmupCycles) {
        this.artifacts = artifacts;
        this.cycles = cycles;
        this.warmupCycles = Math.min(warmupCycles, Math.max(0, cycles - 1));
    }

    /** One way of bringing a bundle in and out, and what it left behind. */
    private final class Trial {
        final String name;
        final ReferenceQueue<Object> queue = new ReferenceQueue<>();
        final List<WeakReference<Object>> references = new ArrayList<>();
        final Stats in = new Stats();
        final Stats revert = new Stats();
        final Stats out = new Stats();
        int wrongAnswers;
        long alive;
        long loadersAlive;
        RetiredCheck retired; // what patch:retired says; only where the manager runs
        long heapStart;
        long heapWarm;
        long heapEnd;
        long metaWarm;
        long metaEnd;

        Trial(String name) {
            this.name = name;
        }

        /** Weak references to the bundle's class loader and implementation class. */
        void watch(Bundle bundle) throws ClassNotFoundException {
            references.add(new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader(), queue));
            references.add(new WeakReference<>(bundle.loadClass(IMPL_CLASS), queue));
        }
    }

    /** One cycle of a trial, in its own frame so that no local keeps the bundle or its classes alive. */
    private interface Cycle {
        void run(Trial trial) throws Exception;
    }

    public Section run() throws Exception {
        List<Trial> trials = new ArrayList<>();
        trials.add(patchbay());
        trials.add(plain("Felix without Patchbay: install, start, uninstall + refresh"));
        trials.add(plain("the same without ConfigAdmin", "org.apache.felix.configadmin"));
        return section(trials);
    }

    private Trial patchbay() throws Exception {
        Trial trial = new Trial("Patchbay: apply, revert, uninstall + refresh");
        List<File> bundles = new ArrayList<>(artifacts.runtime(true));
        bundles.add(artifacts.consumers());
        try (Felix felix = Felix.start(bundles)) {
            Manager manager = new Manager(felix);
            Callers callers = new Callers(felix);
            File patch = artifacts.fixPatch();
            repeat(trial, t -> {
                long start = System.nanoTime();
                manager.apply(patch);
                t.in.record(System.nanoTime() - start);
                check(t, callers, "1.0.1");
                Bundle bundle = Stream.of(felix.context().getBundles())
                        .filter(b -> PATCH_LOCATION.equals(b.getLocation())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("No bundle at " + PATCH_LOCATION));
                t.watch(bundle);
                start = System.nanoTime();
                manager.revert(Manager.SLOT);
                t.revert.record(System.nanoTime() - start);
                check(t, callers, "1.0.0");
                start = System.nanoTime();
                bundle.uninstall();
                felix.refresh(List.of(bundle));
                t.out.record(System.nanoTime() - start);
            });
            trial.retired = RetiredCheck.of(felix, "com.example.pricing.impl/1.0.1", 20_000);
        }
        return trial;
    }

    private Trial plain(String name, String... leftOut) throws Exception {
        Trial trial = new Trial(name);
        File jar = artifacts.fixPatch();
        try (Felix felix = Felix.start(artifacts.runtime(false, leftOut))) {
            int[] location = { 0 };
            repeat(trial, t -> {
                long start = System.nanoTime();
                Bundle bundle;
                try (InputStream in = new FileInputStream(jar)) {
                    bundle = felix.context().installBundle("bench:retire/" + location[0]++, in);
                }
                bundle.start();
                t.in.record(System.nanoTime() - start);
                t.watch(bundle);
                start = System.nanoTime();
                bundle.uninstall();
                felix.refresh(List.of(bundle));
                t.out.record(System.nanoTime() - start);
            });
        }
        return trial;
    }

    private void repeat(Trial trial, Cycle cycle) throws Exception {
        trial.heapStart = Heap.used();
        for (int i = 0; i < cycles; i++) {
            if (i == warmupCycles) {
                trial.heapWarm = Heap.used();
                trial.metaWarm = Heap.metaspace();
            }
            cycle.run(trial);
        }
        trial.alive = Heap.stillReachable(trial.references, trial.queue);
        for (int i = 0; i < trial.references.size(); i += 2) { // watch() adds the loader, then the class
            trial.loadersAlive += trial.references.get(i).refersTo(null) ? 0 : 1;
        }
        trial.heapEnd = Heap.used();
        trial.metaEnd = Heap.metaspace();
    }

    private static void check(Trial trial, Callers callers, String version) {
        for (int kind = 0; kind < Callers.KINDS.size(); kind++) {
            if (!callers.call(kind).equals("com.example.pricing.impl " + version)) {
                trial.wrongAnswers++;
            }
        }
    }

    /**
     * patch:retired lists one entry per cycle's bundle (the newest 511 when there were more); its uncollected ones
     * must be exactly the loaders still reachable here.
     */
    private boolean agrees(Trial t) {
        return t.retired.total > 0 && t.retired.total <= cycles
                && t.retired.total - t.retired.collected == t.loadersAlive;
    }

    private Section section(List<Trial> trials) {
        Table table = new Table("Cycles of", "Cycles", "Loaders/classes still reachable", "Heap growth after warm-up",
                "Heap growth from start", "Metaspace growth after warm-up", "Apply or install p50 / p99",
                "Revert p50 / p99", "Uninstall + refresh p50 / p99", "Wrong answers", "patch:retired says");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Trial t : trials) {
            table.row(t.name, cycles, t.alive + " of " + t.references.size(), Heap.mb(t.heapEnd - t.heapWarm),
                    Heap.mb(t.heapEnd - t.heapStart), Heap.mb(t.metaEnd - t.metaWarm), t.in.cell(), t.revert.cell(),
                    t.out.cell(), t.wrongAnswers, t.retired == null ? "-" : t.retired.cell() + (agrees(t) ? ", agrees"
                            : ", DISAGREES: " + t.loadersAlive + " loaders still reachable here"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trial", t.name);
            row.put("stillReachable", t.alive);
            row.put("references", t.references.size());
            row.put("heapGrowthAfterWarmupBytes", t.heapEnd - t.heapWarm);
            row.put("heapGrowthFromStartBytes", t.heapEnd - t.heapStart);
            row.put("metaspaceGrowthAfterWarmupBytes", t.metaEnd - t.metaWarm);
            row.put("applyOrInstall", t.in.json());
            row.put("revert", t.revert.json());
            row.put("uninstallAndRefresh", t.out.json());
            row.put("wrongAnswers", t.wrongAnswers);
            if (t.retired != null) {
                row.put("retiredTotal", t.retired.total);
                row.put("retiredCollected", t.retired.collected);
                row.put("retiredAgrees", agrees(t));
            }
            json.add(row);
        }
        Section section = Section.of("retirement", "Retirement of patch bundles", table, List.of(
                "Patchbay cycle: PatchManager.apply of the example patch jar, one call through each consumer kind"
                        + " (must answer 1.0.1), revert (must answer 1.0.0), uninstall of the patch bundle, refresh."
                        + " Control cycles: the same jar installed, started, uninstalled and refreshed in a Felix"
                        + " without the patch manager.",
                "A weak reference to each bundle's class loader and implementation class is kept; after the run,"
                        + " collections (at most 20) until none is left; then PatchInspector.retired (patch:retired)"
                        + " is asked the same of the patch's implementations, and must agree."
                        + " Heap: used heap after System.gc();"
                        + " growth after warm-up compares the end with the heap after " + warmupCycles
                        + " cycles. The ledger keeps every entry in memory by design (two per Patchbay cycle).",
                "Felix 7.0.5 with SCR 2.2.12 and ConfigAdmin 1.9.26 keeps every uninstalled DS bundle's BundleImpl,"
                        + " archive and revision metadata (about 10 KB; its class loader is released) reachable from"
                        + " the framework's ServiceRegistry.m_inUseMap through a ConfigurationAdmin usage record that"
                        + " SCR took with the component bundle's context: the growth of the control run, which"
                        + " vanishes without ConfigAdmin."));
        section.data().put("cycles", cycles);
        section.data().put("warmupCycles", warmupCycles);
        section.data().put("trials", json);
        return section;
    }
}
