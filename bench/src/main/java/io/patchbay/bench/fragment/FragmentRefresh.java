package io.patchbay.bench.fragment;

import static io.patchbay.bench.fragment.FragmentLoad.APPLY;
import static io.patchbay.bench.fragment.FragmentLoad.BEFORE;
import static io.patchbay.bench.fragment.FragmentLoad.REVERT;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;
import io.patchbay.bench.felix.Manager;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Stats;
import io.patchbay.bench.report.Table;
import io.patchbay.bench.swap.Callers;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceEvent;

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
    private static final int SLOWER = 10;

    private final Artifacts artifacts;
    private final Settings settings;

    public FragmentRefresh(Artifacts artifacts, Settings settings) {
        this.artifacts = artifacts;
        this.settings = settings;
    }

    /** One apply or revert: when it started and returned, when the host's own service went and came back. */
    private record Switch(int what, long start, long returned, long down, long up, String error) {

        boolean hostSeen() {
            return down != Long.MIN_VALUE && up != Long.MIN_VALUE && up >= down;
        }
    }

    /** What one thread count measured. */
    private record Run(int threads, long medianNanos, long thresholdNanos, List<Switch> switches, List<long[]> pauses,
            List<FragmentLoad.Track> tracks, List<long[]> silences, long[] calls, long[] failed, long[] judged,
            long[] wrong, int reactivations, List<String> examples) {
    }

    /** The framework's view: the host's own PriceService unregistering and registering again. */
    private static final class HostWatch implements AllServiceListener {

        private volatile long down = Long.MIN_VALUE;
        private volatile long up = Long.MIN_VALUE;

        void arm() {
            down = Long.MIN_VALUE;
            up = Long.MIN_VALUE;
        }

        @Override
        public void serviceChanged(ServiceEvent event) {
            long now = System.nanoTime();
            Bundle bundle = event.getServiceReference().getBundle();
            if (bundle == null || !HOST.equals(bundle.getSymbolicName())) {
                return;
            }
            if (event.getType() == ServiceEvent.UNREGISTERING && down == Long.MIN_VALUE) {
                down = now;
            } else if (event.getType() == ServiceEvent.REGISTERED) {
                up = now;
            }
        }
    }

    public Section run() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int threads : settings.threads()) {
            Run run = measure(threads);
            runs.add(run);
            Summary apply = summarise(run, APPLY);
            Summary revert = summarise(run, REVERT);
            System.out.printf("  %2d threads: calls wait apply %s, revert %s (p50 / max); failed %d, wrong %d%n",
                    threads, apply.waits().cellMax(), revert.waits().cellMax(), sum(run.failed()), sum(run.wrong()));
        }
        return section(runs);
    }

    private Run measure(int threads) throws Exception {
        List<File> bundles = new ArrayList<>(artifacts.runtime(true));
        bundles.add(artifacts.consumers());
        File patch = artifacts.fragmentPatch();
        try (Felix felix = Felix.start(bundles)) {
            Manager manager = new Manager(felix);
            Callers callers = new Callers(felix);
            int activationsBefore = activations(callers);
            HostWatch watch = new HostWatch();
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
                List<Switch> untimed = new ArrayList<>();
                try {
                    pause(settings.baselineMillis());
                    for (int i = 0; i < settings.warmups(); i++) {
                        cycle(manager, patch, warm, watch, untimed, new ArrayList<>());
                    }
                } finally {
                    warm.close();
                }
                for (Switch s : untimed) {
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
                List<Switch> switches = new ArrayList<>();
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
                for (Switch s : switches) {
                    if (s.error() != null && examples.size() < 8) {
                        examples.add(s.error());
                    }
                }
                return new Run(threads, median, threshold, switches, pauses, load.tracks(), silences(load.tracks()),
                        calls, failed,
                        judged, wrong, activations(callers) - activationsBefore, examples);
            } finally {
                felix.context().removeServiceListener(watch);
            }
        }
    }

    private void cycle(Manager manager, File patch, FragmentLoad load, HostWatch watch, List<Switch> switches,
            List<long[]> pauses) {
        switches.add(one(APPLY, manager, patch, load, watch));
        pauses.add(pauseAfter(switches));
        switches.add(one(REVERT, manager, patch, load, watch));
        pauses.add(pauseAfter(switches));
    }

    private Switch one(int what, Manager manager, File patch, FragmentLoad load, HostWatch watch) {
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
        return new Switch(what, start, returned, watch.down, watch.up, error);
    }

    /** Waits the pause after the latest switch; answers it as {@code [returned, end]}. */
    private long[] pauseAfter(List<Switch> switches) {
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

    /**
     * The stretches in which no thread had an answer: the intersection of every thread's stretches from one
     * answer to the next (those longer than the threshold), in time order, as {@code [from, to]}.
     */
    private static List<long[]> silences(List<FragmentLoad.Track> tracks) {
        List<long[]> common = null;
        for (FragmentLoad.Track track : tracks) {
            List<long[]> mine = new ArrayList<>();
            for (int i = 0; i < track.size(); i++) {
                mine.add(new long[] { track.from()[i], track.end()[i] });
            }
            common = common == null ? mine : intersect(common, mine);
        }
        return common == null ? List.of() : common;
    }

    private static List<long[]> intersect(List<long[]> a, List<long[]> b) {
        List<long[]> both = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            long from = Math.max(a.get(i)[0], b.get(j)[0]);
            long to = Math.min(a.get(i)[1], b.get(j)[1]);
            if (from < to) {
                both.add(new long[] { from, to });
            }
            if (a.get(i)[1] < b.get(j)[1]) {
                i++;
            } else {
                j++;
            }
        }
        return both;
    }

    /**
     * What callers went through in one switch. {@code silence}: the longest stretch without any answer that
     * overlaps the host's absence. Waiting calls: every thread's call in progress when answers resumed (each had
     * been waiting since the silence began, or longer). {@code waited}: from the last answer before the silence to
     * the end of the last waiting call.
     */
    private record Hold(long silence, long waited, long longest, int waiting) {

        static final Hold NONE = new Hold(0, 0, 0, 0);
    }

    private static Hold hold(Run run, Switch s) {
        long from = s.hostSeen() ? s.down() : s.start();
        long to = s.hostSeen() ? s.up() : s.returned();
        long[] silence = null;
        for (long[] candidate : run.silences()) {
            if (candidate[0] > to) {
                break;
            }
            if (candidate[1] >= from && (silence == null || candidate[1] - candidate[0] > silence[1] - silence[0])) {
                silence = candidate;
            }
        }
        if (silence == null) {
            return Hold.NONE;
        }
        long resumed = silence[1];
        long lastEnd = resumed;
        long longest = 0;
        int waiting = 0;
        for (FragmentLoad.Track track : run.tracks()) {
            int at = lastStartingBy(track, resumed);
            if (at >= 0 && track.end()[at] >= resumed) {
                waiting++;
                lastEnd = Math.max(lastEnd, track.end()[at]);
                longest = Math.max(longest, track.end()[at] - track.start()[at]);
            }
        }
        return new Hold(resumed - silence[0], lastEnd - silence[0], longest, waiting);
    }

    /** Index of the track's last slow call that started at or before {@code time}, or -1. */
    private static int lastStartingBy(FragmentLoad.Track track, long time) {
        int low = 0;
        int high = track.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (track.start()[middle] <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /** Durations over the switches of one kind (apply or revert). */
    private record Summary(Stat waits, Stat longest, Stat silence, Stat hostAway, Stats operation, int switches,
            int errors, int hostNotSeen, int noSilence, double waitingCallsMedian) {
    }

    /** A Stats with its cell as median / max, the figures issue 4 asks for. */
    private record Stat(Stats stats) {

        String cellMax() {
            return stats.count() == 0 ? "n/a" : Stats.ms(stats.medianMillis()) + " / " + Stats.ms(stats.maxMillis());
        }
    }

    private static Summary summarise(Run run, int what) {
        Stats wait = new Stats();
        Stats longest = new Stats();
        Stats silence = new Stats();
        Stats away = new Stats();
        Stats operation = new Stats();
        int count = 0;
        int errors = 0;
        int notSeen = 0;
        int noSilence = 0;
        List<Integer> waitingCounts = new ArrayList<>();
        for (Switch s : run.switches()) {
            if (s.what() != what) {
                continue;
            }
            count++;
            errors += s.error() == null ? 0 : 1;
            operation.record(s.returned() - s.start());
            if (s.hostSeen()) {
                away.record(s.up() - s.down());
            } else {
                notSeen++;
            }
            Hold hold = hold(run, s);
            noSilence += hold == Hold.NONE ? 1 : 0;
            wait.record(hold.waited());
            longest.record(hold.longest());
            silence.record(hold.silence());
            waitingCounts.add(hold.waiting());
        }
        waitingCounts.sort(Integer::compare);
        double medianWaiting = waitingCounts.isEmpty() ? Double.NaN
                : waitingCounts.size() % 2 == 1 ? waitingCounts.get(waitingCounts.size() / 2)
                        : (waitingCounts.get(waitingCounts.size() / 2 - 1)
                                + waitingCounts.get(waitingCounts.size() / 2)) / 2.0;
        return new Summary(new Stat(wait), new Stat(longest), new Stat(silence), new Stat(away), operation, count,
                errors, notSeen, noSilence, medianWaiting);
    }

    /**
     * The control: in each pause between switches (no switch going on), the longest stretch without any answer
     * and the longest single call that started and ended inside the pause.
     */
    private static Stats[] pauses(Run run) {
        Stats silence = new Stats();
        Stats call = new Stats();
        for (long[] pause : run.pauses()) {
            long longestSilence = 0;
            for (long[] quiet : run.silences()) {
                if (quiet[0] > pause[1]) {
                    break;
                }
                long from = Math.max(quiet[0], pause[0]);
                long to = Math.min(quiet[1], pause[1]);
                longestSilence = Math.max(longestSilence, to - from);
            }
            silence.record(longestSilence);
            long longestCall = 0;
            for (FragmentLoad.Track track : run.tracks()) {
                for (int i = Math.max(0, lastStartingBy(track, pause[0]) - 1); i < track.size(); i++) {
                    if (track.start()[i] > pause[1]) {
                        break;
                    }
                    if (track.start()[i] >= pause[0] && track.end()[i] <= pause[1]) {
                        longestCall = Math.max(longestCall, track.end()[i] - track.start()[i]);
                    }
                }
            }
            call.record(longestCall);
        }
        return new Stats[] { silence, call };
    }

    private Section section(List<Run> runs) {
        Table table = new Table("Threads", "Operation", "Cycles", "Calls wait p50 / max", "No answer p50 / max",
                "Longest waiting call p50 / max", "Host's service away p50 / max", "Operation p50 / p99",
                "Failed calls", "Wrong code after return");
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder baselines = new StringBuilder();
        StringBuilder control = new StringBuilder();
        for (Run run : runs) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("threads", run.threads());
            one.put("noSwitchMedianCallNanos", run.medianNanos());
            one.put("thresholdNanos", run.thresholdNanos());
            one.put("calls", sum(run.calls()));
            one.put("failedCalls", sum(run.failed()));
            one.put("judgedCalls", sum(run.judged()));
            one.put("wrongCodeAfterReturn", sum(run.wrong()));
            one.put("consumerReactivations", run.reactivations());
            for (int what : new int[] { APPLY, REVERT }) {
                Summary s = summarise(run, what);
                String name = what == APPLY ? "apply" : "revert";
                table.row(run.threads(), name + (s.errors() > 0 ? " (" + s.errors() + " failed)" : ""), s.switches(),
                        s.waits().cellMax(), s.silence().cellMax(), s.longest().cellMax(), s.hostAway().cellMax(),
                        s.operation().cell(), run.failed()[what], run.wrong()[what]);
                Map<String, Object> op = new LinkedHashMap<>();
                op.put("switches", s.switches());
                op.put("errors", s.errors());
                op.put("callsWait", s.waits().stats().json());
                op.put("noAnswer", s.silence().stats().json());
                op.put("longestWaitingCall", s.longest().stats().json());
                op.put("waitingCallsPerSwitchMedian", s.waitingCallsMedian());
                op.put("switchesWithoutSilence", s.noSilence());
                op.put("hostServiceAway", s.hostAway().stats().json());
                op.put("hostEventsMissing", s.hostNotSeen());
                op.put("operation", s.operation().json());
                op.put("calls", run.calls()[what]);
                op.put("failedCalls", run.failed()[what]);
                op.put("judgedCalls", run.judged()[what]);
                op.put("wrongCodeAfterReturn", run.wrong()[what]);
                one.put(name, op);
            }
            Stats[] pauses = pauses(run);
            one.put("pauses", pauses[0].count());
            one.put("noAnswerInPauses", pauses[0].json());
            one.put("longestCallInPauses", pauses[1].json());
            one.put("failedCallsBeforeSwitches", run.failed()[BEFORE]);
            one.put("examples", run.examples());
            json.add(one);
            baselines.append(baselines.length() == 0 ? "" : ", ").append(run.threads()).append(" threads ")
                    .append(String.format("%.0f ns", (double) run.medianNanos()));
            control.append(control.length() == 0 ? "" : "; ").append(run.threads()).append(" threads: no answer ")
                    .append(new Stat(pauses[0]).cellMax()).append(", longest call ")
                    .append(new Stat(pauses[1]).cellMax());
        }
        List<String> examples = runs.stream().flatMap(r -> r.examples().stream()).limit(5).toList();
        List<String> notes = List.of(
                "Each thread count in a fresh Felix with the manager, SCR, ConfigAdmin, the example API and"
                        + " implementation 1.0.0 and the four consumers; each load thread goes round the consumers"
                        + " (DS static, DS dynamic greedy, ServiceTracker per call, plain getService kept) without"
                        + " pause, as in the swap benchmark. A cycle: PatchManager.apply(" + FRAGMENT
                        + "-1.0.1.jar) (install the fragment, refresh only the host, route to the restarted host),"
                        + " a pause of " + settings.pauseMillis() + " ms, revert(" + Manager.SLOT + ") (uninstall"
                        + " the fragment, refresh the host), another pause; " + settings.cycles()
                        + " timed cycles after " + settings.warmups() + " untimed ones.",
                "Every call is timed in its load thread with System.nanoTime() before and after. Host's service"
                        + " away: from the host's own PriceService unregistering to its registering again, as a"
                        + " synchronous service listener sees them; the facade stops routing at the first and"
                        + " routes to the restarted host just after the second.",
                "No answer: the longest stretch overlapping the host's absence in which no call through any"
                        + " consumer returned in any thread, from the last answer before it to the first after it."
                        + " Each thread's stretches between two answers longer than " + SLOWER + "x the median"
                        + " call without a switch (measured for " + settings.baselineMillis() + " ms after the"
                        + " warm-up, same framework and thread count: " + baselines + ") are kept and intersected.",
                "Waiting calls: every thread's call in progress when answers resumed (one per thread; each had"
                        + " been waiting at least since the last answer). Calls wait: from the last answer before"
                        + " the stretch to the end of the last waiting call, when the last held caller had its"
                        + " answer. Longest waiting call: the longest of them from its own start, so it includes any"
                        + " time its thread spent preempted before the host went away. Median and maximum over the"
                        + " switches; operation: around the PatchManager call.",
                "Control, with no switch: in each pause, the longest stretch without any answer and the longest"
                        + " single call, median / max over the pauses: " + control + ". With more load threads than"
                        + " cores a thread preempted in the middle of a call makes that call as long as a time"
                        + " slice; a stretch without any answer needs every thread stopped at once.",
                "Failed calls: calls that threw, counted by the operation during or after which they started."
                        + " Wrong code after return: calls that started after apply (revert) returned and ended"
                        + " before the next operation began, answered by code without (with) " + FRAGMENT
                        + " in its servedBy. Consumer re-activations during the run: " + runs.stream()
                                .map(r -> r.threads() + " threads " + r.reactivations())
                                .reduce((a, b) -> a + ", " + b).orElse("")
                        + "; calls: " + runs.stream().map(r -> r.threads() + " threads " + sum(r.calls()))
                                .reduce((a, b) -> a + ", " + b).orElse("")
                        + "." + (examples.isEmpty() ? "" : " Examples: " + examples));
        Section section = Section.of("fragment", "Fragment patch: calls wait while the host refreshes", table, notes);
        section.data().put("settings", Map.of("cycles", settings.cycles(), "threads", settings.threads(), "warmups",
                settings.warmups(), "baselineMillis", settings.baselineMillis(), "pauseMillis",
                settings.pauseMillis(), "thresholdTimesMedian", SLOWER));
        section.data().put("results", json);
        return section;
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : value == Math.rint(value) ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
