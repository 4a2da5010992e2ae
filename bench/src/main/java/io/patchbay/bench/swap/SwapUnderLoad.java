package io.patchbay.bench.swap;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Stats;
import io.patchbay.bench.report.Table;
import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Swaps the example implementation again and again while threads call it through the four kinds of consumer:
 * each way in its own fresh framework, the standard ways without the patch manager.
 */
public final class SwapUnderLoad {

    /** How long a run goes: swaps per way and thread count, and how long to wait for consumers after a swap. */
    public record Settings(int swaps, List<Integer> threads, long settleMillis, long warmupMillis, List<String> ways) {

        /** Every way, in the order of the tables. */
        public static final List<String> ALL = List.of("patchbay", "update", "beside", "replace");
    }

    /** After this many swaps, stop waiting for consumer kinds that have not switched once. */
    private static final int LEARN_SWAPS = 3;

    private final Artifacts artifacts;
    private final Settings settings;

    public SwapUnderLoad(Artifacts artifacts, Settings settings) {
        this.artifacts = artifacts;
        this.settings = settings;
    }

    public static List<Supplier<Way>> ways() {
        return List.of(PatchbayWay::new, UpdateWay::new, BesideWay::new, ReplaceWay::new);
    }

    public List<Section> run() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (Supplier<Way> way : ways()) {
            if (!settings.ways().contains(way.get().key())) {
                continue;
            }
            for (int threads : settings.threads()) {
                Outcome outcome = runOne(way.get(), threads);
                System.out.printf("  %-36s %2d threads: %d failed, %d old after return, all on new %s, op %s%n",
                        outcome.way(), threads, outcome.totalFailed(), outcome.totalOldAfterReturn(),
                        outcome.convergenceCell(), outcome.operation().cell());
                outcomes.add(outcome);
            }
        }
        return List.of(summary(outcomes), byConsumer(outcomes));
    }

    Outcome runOne(Way way, int threads) throws Exception {
        List<File> bundles = new ArrayList<>(artifacts.runtime(way.patchbay()));
        bundles.add(artifacts.consumers());
        try (Felix felix = Felix.start(bundles)) {
            String initial = way.prepare(felix, artifacts);
            Callers callers = new Callers(felix);
            int activationsBefore = activations(callers);
            Load load = new Load(callers, threads, initial);
            Stats operation = new Stats();
            int errors = 0;
            List<String> examples = new ArrayList<>();
            try (load) {
                Set<Integer> waitFor = allKinds();
                if (!settle(load.epochs().get(0), threads, waitFor, TimeUnit.SECONDS.toMillis(30))) {
                    throw new IllegalStateException(way.name() + ": the consumers never all answered " + initial
                            + " " + load.examples());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(settings.warmupMillis())); // JIT warm-up
                for (int index = 1; index <= settings.swaps(); index++) {
                    Epoch epoch = load.begin(way.expected(index));
                    long start = System.nanoTime();
                    try {
                        way.swap(index);
                    } catch (Exception | LinkageError e) {
                        errors++;
                        if (examples.size() < 3) {
                            examples.add("swap " + index + " failed: " + e);
                        }
                    }
                    operation.record(System.nanoTime() - start);
                    epoch.returned(load.now());
                    settle(epoch, threads, waitFor, settings.settleMillis());
                    if (index == LEARN_SWAPS) {
                        waitFor.removeIf(kind -> neverSwitched(load.epochs(), threads, kind));
                    }
                }
            }
            examples.addAll(load.examples());
            int reactivations = activations(callers) - activationsBefore;
            return Outcome.of(way, threads, load.epochs(), operation, errors, reactivations, examples);
        }
    }

    private static Set<Integer> allKinds() {
        Set<Integer> kinds = new HashSet<>();
        for (int kind = 0; kind < Callers.KINDS.size(); kind++) {
            kinds.add(kind);
        }
        return kinds;
    }

    /** Polls until every lane of the awaited kinds has settled on the new code, or the window closes. */
    private static boolean settle(Epoch epoch, int threads, Set<Integer> kinds, long windowMillis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMillis);
        while (true) {
            boolean all = true;
            for (int kind : kinds) {
                for (int thread = 0; thread < threads && all; thread++) {
                    all = epoch.settled(thread, kind);
                }
            }
            if (all) {
                return true;
            }
            if (System.nanoTime() - end > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500)); // a poll, not a synchronisation point
        }
    }

    private static boolean neverSwitched(List<Epoch> epochs, int threads, int kind) {
        for (Epoch epoch : epochs.subList(1, epochs.size())) {
            for (int thread = 0; thread < threads; thread++) {
                if (epoch.switched(thread, kind)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int activations(Callers callers) {
        int sum = 0;
        for (int kind = 0; kind < Callers.KINDS.size(); kind++) {
            sum += Math.max(0, callers.activations(kind));
        }
        return sum;
    }

    private Section summary(List<Outcome> outcomes) {
        Table table = new Table("Way", "Threads", "Swaps", "Calls", "Failed calls", "Old code after return",
                "All calls on new code p50 / p99", "Swap returns p50 / p99", "Never switch", "Re-activations",
                "Impl bundles left");
        for (Outcome o : outcomes) {
            table.row(o.way(), o.threads(), o.swaps() + (o.swapErrors() > 0 ? " (" + o.swapErrors() + " failed)" : ""),
                    o.calls(), o.totalFailed(), o.totalOldAfterReturn(), o.convergenceCell(), o.operation().cell(),
                    o.neverSwitch().isEmpty() ? "none" : String.join(", ", o.neverSwitch()), o.reactivations(),
                    o.implementationBundles());
        }
        Section section = Section.of("swapUnderLoad", "Swap under load", table, List.of(
                "Each thread calls the four consumers in turn (DS static, DS dynamic greedy, ServiceTracker per call,"
                        + " plain getService kept) without pause; every way runs in a fresh Felix, the standard"
                        + " ways without the patch manager.",
                "Patchbay's first swap is a full apply (install, start, switch); the later applies find the patch"
                        + " installed as a standby and only switch, reverts switch back. Every standard way installs"
                        + " a new bundle (a copy of the jar with a version of its own) on every swap.",
                "Failed calls: the call threw, or the consumer itself was unregistered (a DS static consumer is"
                        + " deactivated by a plain swap).",
                "Old code after return: calls that started after the swap operation returned and were answered"
                        + " by any other implementation than the one the swap installed.",
                "All calls on new code: from the start of the swap until the end of the last call, in any"
                        + " consumer that switches at all, answered by other code or failed.",
                "Never switch: consumer kinds that did not reach the new code after any swap (within "
                        + settings.settleMillis() + " ms); after " + LEARN_SWAPS + " swaps the harness stops"
                        + " waiting for them.",
                "Re-activations: consumer components activated again during the run (a swap should cause none)."));
        section.data().put("settings", Map.of("swaps", settings.swaps(), "threads", settings.threads(),
                "settleMillis", settings.settleMillis(), "warmupMillis", settings.warmupMillis(), "ways",
                settings.ways()));
        section.data().put("results", outcomes.stream().map(Outcome::json).toList());
        return section;
    }

    private static Section byConsumer(List<Outcome> outcomes) {
        Table table = new Table("Way", "Threads", "Consumer", "Failed calls", "Old code after return",
                "Swaps switched");
        for (Outcome o : outcomes) {
            for (int kind = 0; kind < Callers.KINDS.size(); kind++) {
                table.row(o.way(), o.threads(), Callers.KINDS.get(kind), o.failed()[kind], o.oldAfterReturn()[kind],
                        o.switchedSwaps()[kind] + " of " + o.swaps());
            }
        }
        return Section.of("swapByConsumer", "Swap under load, by consumer kind", table, List.of());
    }
}
