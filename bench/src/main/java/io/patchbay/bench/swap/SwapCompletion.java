package io.patchbay.bench.swap;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;
import io.patchbay.bench.felix.Manager;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Stats;
import io.patchbay.bench.report.Table;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * How long a Patchbay swap takes to complete, with no load: switching to an implementation that is already
 * installed and started, and a full apply from a jar file (copy, check, install, start, wait for the component,
 * switch).
 */
public final class SwapCompletion {

    private static final int WARMUPS = 5;

    private final Artifacts artifacts;
    private final int switches;
    private final int fullApplies;

    public SwapCompletion(Artifacts artifacts, int switches, int fullApplies) {
        this.artifacts = artifacts;
        this.switches = switches;
        this.fullApplies = fullApplies;
    }

    public Section run() throws Exception {
        Stats activate = new Stats();
        Stats applyStandby = new Stats();
        Stats revert = new Stats();
        Stats full = new Stats();
        List<File> bundles = new ArrayList<>(artifacts.runtime(true));
        bundles.add(artifacts.consumers());
        try (Felix felix = Felix.start(bundles)) {
            Manager manager = new Manager(felix);
            File patch = artifacts.fixPatch();
            for (int i = -WARMUPS; i < fullApplies; i++) { // the first few untimed: the core's code is cold
                long start = System.nanoTime();
                manager.apply(patch);
                if (i >= 0) {
                    full.record(System.nanoTime() - start);
                }
                manager.revert(Manager.SLOT);
                Bundle installed = Stream.of(felix.context().getBundles())
                        .filter(b -> b.getLocation().startsWith("patchbay:patch/")).findFirst().orElseThrow();
                installed.uninstall();
                felix.refresh(List.of(installed));
            }
            manager.apply(patch); // from here on the patch is an installed, started standby after each revert
            manager.revert(Manager.SLOT);
            for (int i = 0; i < switches; i++) {
                Stats which = i % 2 == 0 ? activate : applyStandby;
                long start = System.nanoTime();
                String to = i % 2 == 0 ? manager.activate(Manager.SLOT, Manager.FIXED) : manager.apply(patch);
                which.record(System.nanoTime() - start);
                if (!Manager.FIXED.equals(to)) {
                    throw new IllegalStateException("Switched to " + to);
                }
                start = System.nanoTime();
                manager.revert(Manager.SLOT);
                revert.record(System.nanoTime() - start);
            }
        }
        Table table = new Table("Patchbay operation (no load)", "Samples", "p50", "p99", "max");
        row(table, "activate an installed, started standby", activate);
        row(table, "apply(jar) of an installed, started standby", applyStandby);
        row(table, "revert", revert);
        row(table, "full apply from a jar file", full);
        Section section = Section.of("swapCompletion", "Time for a Patchbay swap to complete", table, List.of(
                "Measured around the PatchManager call, in a fresh Felix with the four consumers and no load,"
                        + " after " + WARMUPS + " untimed full applies;"
                        + " every switch writes the route file and appends to the ledger (both forced to disk)"
                        + " before it returns.",
                "apply(jar) of an installed standby still copies the jar and computes its SHA-256 before it"
                        + " finds the bundle installed; a full apply also installs and starts the bundle and waits"
                        + " for its DS component to register."));
        section.data().put("activateStandby", activate.json());
        section.data().put("applyJarOfStandby", applyStandby.json());
        section.data().put("revert", revert.json());
        section.data().put("fullApplyFromJar", full.json());
        return section;
    }

    private static void row(Table table, String name, Stats stats) {
        table.row(name, stats.count(), Stats.ms(stats.medianMillis()), Stats.ms(stats.p99Millis()),
                Stats.ms(stats.maxMillis()));
    }
}
