package io.patchbay.bench.canary;

import io.patchbay.bench.calls.CallOverheadRun;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link CanaryCallCost} with JMH and its GC profiler ({@code -prof gc}) and makes a table of it: ns per call,
 * the ratio to the direct call and the ns over today's facade in the same group, and bytes allocated per call.
 */
final class CanaryCallCostRun {

    /** Benchmark (and its percent parameter) to the group and path a row names, in table order. */
    private static final Map<String, String[]> ROWS = new LinkedHashMap<>();

    static {
        row("calls_direct", "one call", "direct");
        row("calls_facade", "one call", "facade, no canary");
        row("calls_facadeSplit:1", "one call", "facade, share of calls 1 %");
        row("calls_facadeSplit:50", "one call", "facade, share of calls 50 %");
        row("calls_facadeSplitUntimed", "one call", "facade, share of calls 50 %, not timed");
        row("calls_decision", "one call", "split decision alone (share of calls)");
        row("calls_timing", "one call", "timing alone (2 x System.nanoTime, Recorder.recordValue)");
        row("keys_direct", "keyed call", "direct");
        row("keys_facade", "keyed call", "facade, no canary");
        row("keys_facadeSplit:1", "keyed call", "facade, share of keys 1 %");
        row("keys_facadeSplit:50", "keyed call", "facade, share of keys 50 %");
        row("keys_decision", "keyed call", "split decision alone (share of keys)");
    }

    private final CallOverheadRun.Settings settings;

    CanaryCallCostRun(CallOverheadRun.Settings settings) {
        this.settings = settings;
    }

    private static void row(String benchmark, String group, String path) {
        ROWS.put(benchmark, new String[] { group, path });
    }

    Section run() throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CanaryCallCost.class.getName() + "\\.")
                .addProfiler(GCProfiler.class)
                .forks(settings.forks())
                .warmupIterations(settings.warmups())
                .warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                .measurementIterations(settings.measurements())
                .measurementTime(TimeValue.milliseconds(settings.measurementMillis()))
                .shouldFailOnError(true);
        if (settings.quiet()) {
            options.verbosity(VerboseMode.SILENT);
        }
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult result : new Runner(options.build()).run()) {
            Result<?> primary = result.getPrimaryResult();
            String name = result.getParams().getBenchmark();
            String percent = result.getParams().getParam("percent");
            Result<?> allocated = result.getSecondaryResults().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm")).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
            scores.put(name.substring(name.lastIndexOf('.') + 1) + (percent == null ? "" : ":" + percent),
                    new double[] { primary.getScore(), primary.getScoreError(),
                            allocated == null ? Double.NaN : allocated.getScore() });
        }
        return section(scores);
    }

    private Section section(Map<String, double[]> scores) {
        Table table = new Table("Calls", "Path", "ns/call", "± (99.9%)", "x direct", "ns over the facade",
                "bytes/call");
        List<Map<String, Object>> rows = new ArrayList<>();
        ROWS.forEach((benchmark, names) -> {
            String group = benchmark.substring(0, benchmark.indexOf('_'));
            double[] score = scores.get(benchmark);
            double direct = scores.get(group + "_direct")[0];
            double facade = scores.get(group + "_facade")[0];
            table.row(names[0], names[1], format(score[0]), Double.isNaN(score[1]) ? "n/a" : format(score[1]),
                    format(score[0] / direct), !benchmark.contains("facade") ? ""
                            : format(score[0] - facade), String.format(Locale.ROOT, "%.3f", score[2]));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("benchmark", benchmark);
            row.put("group", names[0]);
            row.put("path", names[1]);
            row.put("nsPerCall", score[0]);
            row.put("error", score[1]);
            row.put("ratioToDirect", score[0] / direct);
            row.put("nsOverFacade", score[0] - facade);
            row.put("bytesPerCall", score[2]);
            rows.add(row);
        });
        Section section = Section.of("canaryCallCost", "Canary call cost (JMH, -prof gc)", table, List.of(
                "The trivial method (Counter.next() returns a field). one call: a call per operation. keyed call:"
                        + " each call in its own Routing.withKey scope, going round 1,024 tenant keys (the scopes"
                        + " nested in one outer scope per 1,024 calls, so that setting a key allocates nothing).",
                "facade: the class Patchbay generates, on a slot routed to a baseline; split rows: a real canary"
                        + " (Canaries.start) routes the share to a candidate of another class, both arms timed"
                        + " as during any canary; not timed: the same with the arms' observers removed.",
                "split decision alone: the canary's own Split.toCandidate, called through a constant method handle;"
                        + " for keys with the key from Routing.withKey, found by RoutingKeys, and its bucket in the"
                        + " split's cache.",
                "timing alone: what an arm does to time a call (Implementation.clock and exit, Arm.timed), by"
                        + " hand, on a recorder made as the arm makes it (HdrHistogram, 1 ns to an hour, 2 digits).",
                "bytes/call: JMH's gc.alloc.rate.norm, every thread's allocations divided by the calls (the judge's"
                        + " thread copies both arms' histograms every 250 ms; the outermost key scope allocates"
                        + " one thread-local entry per 1,024 calls).",
                "JMH: " + settings.forks() + " fork(s), " + settings.warmups() + " x " + settings.warmupMillis()
                        + " ms warm-up, " + settings.measurements() + " x " + settings.measurementMillis()
                        + " ms measurement, average time, 1 thread."));
        section.data().put("results", rows);
        return section;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
