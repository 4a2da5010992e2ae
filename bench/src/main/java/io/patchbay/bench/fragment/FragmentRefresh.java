package io.patchbay.bench.fragment;

import static io.patchbay.bench.fragment.FragmentLoad.APPLY;
import static io.patchbay.bench.fragment.FragmentLoad.BEFORE;
import static io.patchbay.bench.fragment.FragmentLoad.REVERT;
import static io.patchbay.bench.fragment.RefreshRun.sum;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;
import io.patchbay.bench.felix.Manager;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.swap.Callers;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A fragment patch applied and reverted again and again while threads call through the four kinds of consumer:
 * apply installs the fragment and refreshes only its host, revert uninstalls it and refreshes the host again, and
 * each time the slot's facade holds calls while the host restarts. Measures how long calls wait.
 */
public final class FragmentRefresh {

    /** How long a run goes. */
    public record Settings(int cycles, List<Integer> threads, int warmups, long baselineMillis, long pauseMillis) {

        public Settings withCycles(int count) {
            return new Settings(count, threads, warmups, baselineMillis, pauseMillis);
        }
    }

    /** Who serves a patched call names the fragment: {@code ... + com.example.pricing.impl.fragment 1.0.1}. */
    static final String FRAGMENT = "com.example.pricing.impl.fragment";
    private static final String HOST = "com.example.pricing.impl";
    private static final String ORIGINAL = HOST + "/1.0.0";
    private static final String PATCHED = ORIGINAL + "+" + FRAGMENT + "/1.0.1";
    /** A call is waiting when it takes this many times the median call without a switch. */
    static final int SLOWER = 10;

    private final Artifacts artifacts;
    private final Settings settings;

    public FragmentRefresh(Artifacts artifacts, Settings settings) {
        this.artifacts = artifacts;
        this.settings = settings;
    }

    public Section run() throws Exception {
        List<RefreshRun> runs = new ArrayList<>();
        for (int threads : settings.threads()) {
            RefreshRun run = measure(threads);
            runs.add(run);
            SwitchSummary apply = SwitchSummary.of(run, APPLY);
            SwitchSummary revert = SwitchSummary.of(run, REVERT);
            System.out.printf("  %2d threads: calls wait apply %s, revert %s (p50 / max); failed %d, wrong %d%n",
                    threads, apply.waits().cellMax(), revert.waits().cellMax(), sum(run.failed()), sum(run.wrong()));
        }
        return new FragmentReport(settings).section(runs);
    }

    private RefreshRun measure(int threads) throws Exception {
        List<File> bundles = new ArrayList<>(artifacts.runtime(true));
        bundles.add(artifacts.consumers());
        File patch = artifacts.fragmentPatch();
        try (Felix felix = Felix.start(bundles)) {
            Manager manager = new Manager(felix);
            Callers callers = new Callers(felix);
            int activationsBefore = activations(callers);
            HostWatch watch = new HostWatch(HOST);
            felix.context().addServiceListener(watch, "(objectClass=com.example.pricing.api.PriceService)");
            long[] calls = new long[3];
            long[] failed = new long[3];
            long[] judged = new long[3];
            long[] wrong = new long[3];
            List<String> examples = new ArrayList<>();
            try {
                // untimed: the core's fragment code and the call path are cold in a fresh framework
                FragmentLoad warm = new FragmentLoad(callers, threads, Long.MAX_VALUE, false,
                        new FragmentLoad.Phase(BEFORE, false, 0));
                List<RefreshRun.Switch> untimed = new ArrayList<>();
                try {
                    pause(settings.baselineMillis());
                    for (int i = 0; i < settings.warmups(); i++) {
                        cycle(manager, patch, warm, watch, untimed, new ArrayList<>());
                    }
                } finally {
                    warm.close();
                }
                for (RefreshRun.Switch s : untimed) {
                    if (s.error() != null) {
                        throw new IllegalStateException("Untimed cycle at " + threads + " threads: " + s.error());
                    }
                }
                add(warm, calls, failed, judged, wrong, examples);
                // the no-switch median, after the warm-up, in the same framework, with as many threads
                FragmentLoad baseline = new FragmentLoad(callers, threads, Long.MAX_VALUE, true,
                        new FragmentLoad.Phase(BEFORE, false, 0));
                try {
                    pause(settings.baselineMillis());
                } finally {
                    baseline.close();
                }
                add(baseline, calls, failed, judged, wrong, examples);
                long median = baseline.medianNanos();
                long threshold = SLOWER * median;
                List<RefreshRun.Switch> switches = new ArrayList<>();
                List<long[]> pauses = new ArrayList<>();
                FragmentLoad load = new FragmentLoad(callers, threads, threshold, false,
                        new FragmentLoad.Phase(BEFORE, false, 0));
                try {
                    pause(settings.pauseMillis());
                    for (int i = 0; i < settings.cycles(); i++) {
                        cycle(manager, patch, load, watch, switches, pauses);
                    }
                } finally {
                    load.close();
                }
                add(load, calls, failed, judged, wrong, examples);
                for (RefreshRun.Switch s : switches) {
                    if (s.error() != null && examples.size() < 8) {
                        examples.add(s.error());
                    }
                }
                return new RefreshRun(threads, median, threshold, switches, pauses, load.tracks(),
                        CallTimeline.silences(load.tracks()), calls, failed, judged, wrong,
                        activations(callers) - activationsBefore, examples);
            } finally {
                felix.context().removeServiceListener(watch);
            }
        }
    }

    private void cycle(Manager manager, File patch, FragmentLoad load, HostWatch watch,
            List<RefreshRun.Switch> switches, List<long[]> pauses) {
        switches.add(one(APPLY, manager, patch, load, watch));
        pauses.add(pauseAfter(switches));
        switches.add(one(REVERT, manager, patch, load, watch));
        pauses.add(pauseAfter(switches));
    }

    private RefreshRun.Switch one(int what, Manager manager, File patch, FragmentLoad load, HostWatch watch) {
        boolean apply = what == APPLY;
        FragmentLoad.Phase phase = load.begin(what, apply, Long.MAX_VALUE);
        watch.arm();
        String error = null;
        long start = System.nanoTime();
        try {
            String to = apply ? manager.apply(patch) : manager.revert(Manager.SLOT);
            String want = apply ? PATCHED : ORIGINAL;
            if (!want.equals(to)) {
                error = (apply ? "apply" : "revert") + " went to " + to + ", not " + want;
            }
        } catch (RuntimeException e) {
            error = (apply ? "apply" : "revert") + " failed: " + e;
        }
        long returned = System.nanoTime();
        phase.judgeFrom(returned);
        return new RefreshRun.Switch(what, start, returned, watch.down(), watch.up(), error);
    }

    /** Waits the pause after the latest switch; answers it as {@code [returned, end]}. */
    private long[] pauseAfter(List<RefreshRun.Switch> switches) {
        long from = switches.get(switches.size() - 1).returned();
        pause(settings.pauseMillis());
        return new long[] { from, System.nanoTime() };
    }

    private static void pause(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left; (left = end - System.nanoTime()) > 0;) {
            LockSupport.parkNanos(left);
        }
    }

    private static void add(FragmentLoad load, long[] calls, long[] failed, long[] judged, long[] wrong,
            List<String> examples) {
        for (int what = 0; what < 3; what++) {
            calls[what] += load.calls(what);
            failed[what] += load.failed(what);
            judged[what] += load.judged(what);
            wrong[what] += load.wrong(what);
        }
        for (String example : load.examples()) {
            if (examples.size() < 8) {
                examples.add(example);
            }
        }
    }

    private static int activations(Callers callers) {
        int sum = 0;
        for (int kind = 0; kind < Callers.KINDS.size(); kind++) {
            sum += Math.max(0, callers.activations(kind));
        }
        return sum;
    }
}
