package io.patchbay.bench.fragment;

import static io.patchbay.bench.fragment.FragmentLoad.APPLY;
import static io.patchbay.bench.fragment.FragmentLoad.BEFORE;
import static io.patchbay.bench.fragment.FragmentLoad.REVERT;
import static io.patchbay.bench.fragment.FragmentRefresh.FRAGMENT;
import static io.patchbay.bench.fragment.FragmentRefresh.SLOWER;
import static io.patchbay.bench.fragment.RefreshRun.sum;

import io.patchbay.bench.felix.Manager;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Stats;
import io.patchbay.bench.report.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fragment benchmark's section: a table row per thread count and operation, the figures as JSON, the notes. */
final class FragmentReport {

    private final FragmentRefresh.Settings settings;

    FragmentReport(FragmentRefresh.Settings settings) {
        this.settings = settings;
    }

    Section section(List<RefreshRun> runs) {
        Table table = new Table("Threads", "Operation", "Cycles", "Calls wait p50 / max", "No answer p50 / max",
                "Longest waiting call p50 / max", "Host's service away p50 / max", "Operation p50 / p99",
                "Failed calls", "Wrong code after return");
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder baselines = new StringBuilder();
        StringBuilder control = new StringBuilder();
        for (RefreshRun run : runs) {
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
                SwitchSummary s = SwitchSummary.of(run, what);
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
            Stats[] pauses = CallTimeline.pauses(run);
            one.put("pauses", pauses[0].count());
            one.put("noAnswerInPauses", pauses[0].json());
            one.put("longestCallInPauses", pauses[1].json());
            one.put("failedCallsBeforeSwitches", run.failed()[BEFORE]);
            one.put("examples", run.examples());
            json.add(one);
            baselines.append(baselines.length() == 0 ? "" : ", ").append(run.threads()).append(" threads ")
                    .append(String.format("%.0f ns", (double) run.medianNanos()));
            control.append(control.length() == 0 ? "" : "; ").append(run.threads()).append(" threads: no answer ")
                    .append(new SwitchSummary.Stat(pauses[0]).cellMax()).append(", longest call ")
                    .append(new SwitchSummary.Stat(pauses[1]).cellMax());
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
}
