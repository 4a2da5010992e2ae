package io.patchbay.bench.calls;

import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link CallOverhead} with JMH and turns its results into a table: ns per call and the ratio to direct. */
public final class CallOverheadRun {

    /** JMH settings: forks (0 runs in this JVM), warm-up and measurement iterations and their length. */
    public record Settings(int forks, int warmups, int warmupMillis, int measurements, int measurementMillis,
            boolean quiet) {
    }

    private static final List<String> PATHS = List.of("direct", "facade", "facadeScoped", "proxy", "tracker");

    private final Settings settings;

    public CallOverheadRun(Settings settings) {
        this.settings = settings;
    }

    public Section run() throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CallOverhead.class.getName() + "\\.")
                .forks(settings.forks())
                .warmupIterations(settings.warmups())
                .warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                .measurementIterations(settings.measurements())
                .measurementTime(TimeValue.milliseconds(settings.measurementMillis()))
                .shouldFailOnError(true);
        if (settings.quiet()) {
            options.verbosity(VerboseMode.SILENT);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, double[]> scores = new TreeMap<>();
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            String name = result.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.') + 1),
                    new double[] { primary.getScore(), primary.getScoreError() });
        }
        return section(scores);
    }

    private Section section(Map<String, double[]> scores) {
        Table table = new Table("Method", "Path", "ns/call", "± (99.9%)", "x direct");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String method : List.of("trivial", "realistic")) {
            double direct = scores.get(method + "_direct")[0];
            for (String path : PATHS) {
                add(table, rows, method, path, scores.get(method + "_" + path), direct);
            }
        }
        double direct = scores.get("trivial_direct")[0];
        for (String part : List.of("routeOnly", "plainCount", "oneAdder", "twoAdders")) {
            add(table, rows, "trivial", "anatomy: " + part, scores.get("anatomy_" + part), direct);
        }
        double ratio = scores.get("trivial_facade")[0] / direct;
        Section section = Section.of("callOverhead", "Call overhead (JMH)", table, List.of(
                "trivial: Counter.next() returns a field; realistic: the example PriceService.quote(\"WIDGET\", 10)"
                        + " (BigDecimal arithmetic, a record).",
                "direct: the implementation through its interface; facade: the class Patchbay generates (built"
                        + " with the core's Facades.factory on a Slot routed to the implementation); proxy: a"
                        + " java.lang.reflect.Proxy forwarding with Method.invoke; tracker:"
                        + " ServiceTracker.getService() on every call, in an embedded Felix; facadeScoped: a facade routed"
                        + " to a bundle-scoped registration in that Felix (every DS service's path: the seat's"
                        + " cached object).",
                "anatomy: hand-written stand-ins for the facade's call path: the volatile route read alone; with"
                        + " a plain, fence-free call count; with one and with two LongAdder increments (the facade"
                        + " counts each call's start and end to know exactly when an old implementation has"
                        + " drained).",
                String.format("Facade on the trivial method: %.1fx direct (target 1.5x).", ratio),
                "JMH: " + settings.forks() + " fork(s), " + settings.warmups() + " x " + settings.warmupMillis()
                        + " ms warm-up, " + settings.measurements() + " x " + settings.measurementMillis()
                        + " ms measurement, average time, 1 thread."));
        section.data().put("results", rows);
        section.data().put("trivialFacadeOverDirect", ratio);
        return section;
    }

    private static void add(Table table, List<Map<String, Object>> rows, String method, String path, double[] score,
            double direct) {
        table.row(method, path, String.format("%.2f", score[0]),
                Double.isNaN(score[1]) ? "n/a" : String.format("%.2f", score[1]),
                String.format("%.2f", score[0] / direct));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("method", method);
        row.put("path", path);
        row.put("nsPerCall", score[0]);
        row.put("error", score[1]);
        row.put("ratioToDirect", score[0] / direct);
        rows.add(row);
    }
}
