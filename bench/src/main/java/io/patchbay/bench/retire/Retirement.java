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
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Apply, revert and uninstall (with a refresh) the example patch again and again; afterwards, how many of the
 * patch's class loaders and implementation classes are still reachable, and how much the heap grew.
 */
public final class Retirement {

    private static final String PATCH_LOCATION = "patchbay:patch/com.example.pricing.impl/1.0.1";
    private static final String IMPL_CLASS = "com.example.pricing.impl.PriceServiceImpl";

    private final Artifacts artifacts;
    private final int cycles;
    private final int warmupCycles;
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final List<WeakReference<Object>> loaders = new ArrayList<>();
    private final List<WeakReference<Object>> classes = new ArrayList<>();
    private final Stats apply = new Stats();
    private final Stats revert = new Stats();
    private final Stats uninstall = new Stats();
    private int wrongAnswers;

    public Retirement(Artifacts artifacts, int cycles, int warmupCycles) {
        this.artifacts = artifacts;
        this.cycles = cycles;
        this.warmupCycles = Math.min(warmupCycles, Math.max(0, cycles - 1));
    }

    public Section run() throws Exception {
        List<File> bundles = new ArrayList<>(artifacts.runtime(true));
        bundles.add(artifacts.consumers());
        long heapStart;
        long heapWarm = 0;
        long metaWarm = 0;
        long heapEnd;
        long metaEnd;
        long alive;
        try (Felix felix = Felix.start(bundles)) {
            Manager manager = new Manager(felix);
            Callers callers = new Callers(felix);
            File patch = artifacts.fixPatch();
            heapStart = Heap.used();
            for (int cycle = 0; cycle < cycles; cycle++) {
                if (cycle == warmupCycles) {
                    heapWarm = Heap.used();
                    metaWarm = Heap.metaspace();
                }
                cycle(felix, manager, callers, patch);
            }
            alive = Heap.stillReachable(loaders, queue) + Heap.stillReachable(classes, queue);
            heapEnd = Heap.used();
            metaEnd = Heap.metaspace();
        }
        return section(alive, heapStart, heapWarm, metaWarm, heapEnd, metaEnd);
    }

    /** One cycle, in its own frame so that no local keeps the patch's bundle or classes alive. */
    private void cycle(Felix felix, Manager manager, Callers callers, File patch) throws Exception {
        long start = System.nanoTime();
        manager.apply(patch);
        apply.record(System.nanoTime() - start);
        check(callers, "1.0.1");
        Bundle bundle = patchBundle(felix);
        loaders.add(new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader(), queue));
        classes.add(new WeakReference<>(bundle.loadClass(IMPL_CLASS), queue));
        start = System.nanoTime();
        manager.revert(Manager.SLOT);
        revert.record(System.nanoTime() - start);
        check(callers, "1.0.0");
        start = System.nanoTime();
        bundle.uninstall();
        felix.refresh(List.of(bundle));
        uninstall.record(System.nanoTime() - start);
    }

    private void check(Callers callers, String version) {
        for (int kind = 0; kind < Callers.KINDS.size(); kind++) {
            if (!callers.call(kind).equals("com.example.pricing.impl " + version)) {
                wrongAnswers++;
            }
        }
    }

    private static Bundle patchBundle(Felix felix) {
        return Stream.of(felix.context().getBundles()).filter(b -> PATCH_LOCATION.equals(b.getLocation()))
                .findFirst().orElseThrow(() -> new IllegalStateException("No bundle at " + PATCH_LOCATION));
    }

    private Section section(long alive, long heapStart, long heapWarm, long metaWarm, long heapEnd, long metaEnd) {
        long growth = heapEnd - heapWarm;
        Table table = new Table("Cycles", "Patch loaders/classes still reachable", "Heap growth after warm-up",
                "Heap growth from start", "Metaspace growth after warm-up", "Apply (jar) p50 / p99",
                "Revert p50 / p99", "Uninstall + refresh p50 / p99", "Wrong answers");
        table.row(cycles, alive + " of " + (loaders.size() + classes.size()), Heap.mb(growth),
                Heap.mb(heapEnd - heapStart), Heap.mb(metaEnd - metaWarm), apply.cell(), revert.cell(),
                uninstall.cell(), wrongAnswers);
        Section section = Section.of("retirement", "Retirement of patch bundles", table, List.of(
                "Each cycle: PatchManager.apply of the example patch jar, one call through each consumer kind,"
                        + " revert, uninstall of the patch bundle and a refresh. A weak reference to the patch"
                        + " bundle's class loader and to its implementation class is kept per cycle; after the"
                        + " run, collections (at most 20) until none is left.",
                "Heap measured as used heap after System.gc(); growth after warm-up compares the end with the"
                        + " heap after " + warmupCycles + " cycles (class loading and JIT done). The"
                        + " ledger keeps every entry in memory by design: two entries per cycle are part of the"
                        + " growth."));
        section.data().put("cycles", cycles);
        section.data().put("warmupCycles", warmupCycles);
        section.data().put("stillReachable", alive);
        section.data().put("references", loaders.size() + classes.size());
        section.data().put("heapGrowthAfterWarmupBytes", growth);
        section.data().put("heapGrowthFromStartBytes", heapEnd - heapStart);
        section.data().put("metaspaceGrowthAfterWarmupBytes", metaEnd - metaWarm);
        section.data().put("applyFromJar", apply.json());
        section.data().put("revert", revert.json());
        section.data().put("uninstallAndRefresh", uninstall.json());
        section.data().put("wrongAnswers", wrongAnswers);
        return section;
    }
}
