package io.patchbay.bench.storm;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Table;
import io.patchbay.launcher.storm.Check;
import io.patchbay.launcher.storm.Outcome;
import io.patchbay.launcher.storm.Storm;
import io.patchbay.launcher.storm.StormJars;
import io.patchbay.launcher.storm.StormResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator storm (issue 23, item 8) for minutes: the launcher's own {@code StormIT} driver ({@link Storm}, in the
 * launcher's test jar) against {@code launcher/target/patchbay.jar}, 16 consumer threads, operators over SSH (two),
 * the console's JSON API, JMX and the Java API (a driver bundle in the container) on three slots, bundle stops and
 * starts under them. Figures per front end and the checks; the console's {@code patches.json} after the storm is
 * kept beside the results.
 */
public final class StormBench {

    /** {@code --storm-seconds}: how long the storm runs (full: 300 s, smoke: 30 s). */
    public static final String SECONDS = "bench.storm.seconds";

    private final Artifacts artifacts;
    private final Duration duration;

    public StormBench(Artifacts artifacts, String profile) {
        this.artifacts = artifacts;
        this.duration = Duration.ofSeconds(Long.getLong(SECONDS, profile.equals("full") ? 300 : 30));
    }

    public List<Section> run() throws Exception {
        StormResult result = Storm.run(StormJars.in(artifacts.root()), new Storm.Settings(duration, 16, 23));
        Path kept = artifacts.root().resolve("bench/target/storm-patches.json");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, result.patchesJson());
        System.out.println(result.summary());
        return List.of(operations(result), checks(result, kept));
    }

    private static Section operations(StormResult result) {
        Table table = new Table("front end", "operations", "changed", "nothing to do", "refused (sentence)",
                "hold, unsaid", "failed", "p50 ms", "p99 ms", "max ms", "ledger entries");
        Map<String, Integer> ledger = result.ledgerByActor();
        result.byFrontEnd().forEach((frontEnd, outcomes) -> table.row(frontEnd,
                outcomes.values().stream().mapToInt(Integer::intValue).sum(), count(outcomes, Outcome.CHANGED),
                count(outcomes, Outcome.UNCHANGED), count(outcomes, Outcome.REFUSED), count(outcomes, Outcome.UNKNOWN),
                count(outcomes, Outcome.FAILED), millis(result.latencyMillis(frontEnd, 0.5)),
                millis(result.latencyMillis(frontEnd, 0.99)), millis(result.latencyMillis(frontEnd, 1.0)),
                ledger.getOrDefault(actor(frontEnd), 0)));
        table.row("all", result.journal().size(), "", "", "", "", "", millis(result.latencyMillis(null, 0.5)),
                millis(result.latencyMillis(null, 0.99)), millis(result.latencyMillis(null, 1.0)),
                ledger.values().stream().mapToInt(Integer::intValue).sum());
        Section section = Section.of("storm", "Operator storm: " + result.seconds() + " s, operations by front end",
                table, List.of("ssh:carol is the set-up (each patch applied and reverted once); ledger entries are"
                        + " per actor (webconsole:admin for the console); framework entries (fallbacks as bundles"
                        + " stop) are in the next table.", "Latency: from sending the operation to its answer,"
                        + " measured by the operator (the Java API inside the container, without a network)."));
        section.data().put("byFrontEnd", result.byFrontEnd());
        section.data().put("ledgerByActor", ledger);
        section.data().put("p99Millis", result.latencyMillis(null, 0.99));
        return section;
    }

    private static Section checks(StormResult result, Path kept) {
        Table table = new Table("check", "result");
        table.row("consumer calls (16 threads, v1 and v2 endpoints)", result.consumerCalls());
        table.row("failed consumer calls", result.consumerFailures());
        table.row("bundle stop and start cycles", result.departures());
        table.row("ledger entries by the framework", result.ledgerByActor().getOrDefault("framework", 0));
        List<String> notes = new ArrayList<>();
        for (Check check : result.checks()) {
            table.row(check.name(), check.passed() ? "passed" : "FAILED");
            if (!check.passed()) {
                notes.add("Failed: " + check.name() + ": " + check.detail().replaceAll("\\s+", " "));
            }
        }
        notes.add("The ledger and routes after the storm: " + kept);
        long passed = result.checks().stream().filter(Check::passed).count();
        Section section = Section.of("storm-checks", "Operator storm: load and checks (" + passed + " of "
                + result.checks().size() + " passed)", table, notes);
        section.data().put("consumerCalls", result.consumerCalls());
        section.data().put("consumerFailures", result.consumerFailures());
        section.data().put("checksPassed", passed);
        section.data().put("checks", result.checks().size());
        return section;
    }

    private static String actor(String frontEnd) {
        return frontEnd.equals("console") ? "webconsole:admin" : frontEnd;
    }

    private static int count(Map<Outcome, Integer> outcomes, Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
