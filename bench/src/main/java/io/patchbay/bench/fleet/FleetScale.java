package io.patchbay.bench.fleet;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Table;
import io.patchbay.fleet.itest.HawkbitServer;
import io.patchbay.fleet.itest.Mgmt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet at scale: the real fleet agent ({@code io.patchbay.fleet.AgentRuntime}) as 10, 50 and 200 targets of the
 * real hawkBit test server on this machine, many agents per JVM, each with its own controller id and state folder
 * and a simulated slot ({@link SimulatedContainer}). Measures the polling cost on both sides, each wave of a good
 * rollout against two poll intervals plus the health window, and whether a failing first wave pauses the rollout
 * before any later group starts.
 */
public final class FleetScale {

    static final String TOKEN = "bench-fleet-token";
    /** The interval hawkBit gives (the test server's {@code hawkbit.controller.pollingTime}). */
    static final long POLL_MILLIS = 1_000;

    /**
     * The sizes, agents per JVM, health window, waves, the idle interval measured, and how long the targets poll
     * before anything is measured, so that hawkBit's and the agents' JIT has compiled the poll path (a fresh
     * hawkBit spends a core compiling for its first 90 to 100 s under 200 polls a second;
     * {@code -Dbench.fleet.warmSeconds=0} measures cold, as runs before this setting did).
     */
    public record Settings(List<Integer> sizes, int perJvm, long windowMillis, int groups, int idleSeconds,
            int warmSeconds) {

        public static Settings of(String profile) {
            int warm = Integer.getInteger("bench.fleet.warmSeconds", 90);
            return profile.equals("full") ? new Settings(List.of(10, 50, 200), 50, 5_000, 4, 15, warm)
                    : new Settings(List.of(4), 50, 2_000, 2, 3, 0);
        }
    }

    private final Artifacts artifacts;
    private final Settings settings;

    public FleetScale(Artifacts artifacts, Settings settings) {
        this.artifacts = artifacts;
        this.settings = settings;
    }

    public List<Section> run() throws Exception {
        Path work = artifacts.root().resolve("bench/target/fleet");
        System.setProperty("fleet.hawkbit.jar", artifacts.root().resolve(
                "itest/hawkbit-server/target/hawkbit-server.jar").toString());
        System.setProperty("fleet.build", work.toString());
        List<FleetSize.Result> results = new ArrayList<>();
        try (HawkbitServer server = HawkbitServer.startFresh("bench")) {
            Mgmt mgmt = new Mgmt(server.baseUrl(), HawkbitServer.USER, HawkbitServer.PASSWORD);
            mgmt.enableGatewayToken(TOKEN);
            mgmt.ensureTypes();
            long good = mgmt.release("sim.impl", "1.0.1", artifact(work, "sim.impl-1.0.1.jar"));
            long bad = mgmt.release("sim.impl.broken", "1.0.2", artifact(work, "sim.impl.broken-1.0.2.jar"));
            for (int size : settings.sizes()) {
                System.out.println("   fleet of " + size + " targets");
                results.add(new FleetSize(server, mgmt, settings, work.resolve("agents")).run(size, good, bad));
                System.out.println(summary(results).markdown() + waves(results).markdown()); // each size as it ends
            }
        }
        return List.of(summary(results), waves(results));
    }

    private Section summary(List<FleetSize.Result> results) {
        Table table = new Table("targets", "JVMs", "polls/s", "agent CPU per poll", "hawkBit CPU idle",
                "hawkBit CPU in rollout", "hawkBit RSS peak", "rollout", "slowest wave", "bad wave paused after",
                "later groups started", "good rollout");
        List<Map<String, Object>> data = new ArrayList<>();
        for (FleetSize.Result r : results) {
            long slowest = r.waves().stream().mapToLong(Waves.Wave::doneMillis).max().orElse(-1);
            table.row(r.targets(), r.jvms(), f("%.1f", r.pollsPerSecond()), f("%.0f µs", r.agentCpuMicrosPerPoll()),
                    f("%.0f %%", r.serverCpuIdlePercent()), f("%.0f %%", r.serverCpuRolloutPercent()),
                    r.serverRssPeakMb() + " MB", seconds(r.rolloutMillis()), seconds(slowest),
                    seconds(r.pauseAfterFailureMillis()), r.laterGroupStarts() + " (group 2 " + r.badStatus() + ")",
                    r.goodStatus() + (r.goodFailures().isEmpty() ? "" : ", " + r.goodFailures().size() + " failed"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("targets", r.targets());
            row.put("jvms", r.jvms());
            row.put("pollsPerSecond", r.pollsPerSecond());
            row.put("agentCpuMicrosPerPoll", r.agentCpuMicrosPerPoll());
            row.put("serverCpuIdlePercent", r.serverCpuIdlePercent());
            row.put("serverCpuRolloutPercent", r.serverCpuRolloutPercent());
            row.put("serverRssPeakMb", r.serverRssPeakMb());
            row.put("rolloutMillis", r.rolloutMillis());
            row.put("slowestWaveMillis", slowest);
            row.put("pauseAfterFailureMillis", r.pauseAfterFailureMillis());
            row.put("laterGroupStarts", r.laterGroupStarts());
            row.put("laterGroupStatus", r.badStatus());
            row.put("goodRolloutStatus", r.goodStatus());
            row.put("goodRolloutFailures", r.goodFailures());
            row.put("waves", r.waves().stream().map(w -> Map.of("group", w.group(), "targets", w.targets(),
                    "firstStartMillis", w.firstStartMillis(), "doneMillis", w.doneMillis(), "succeeded", w.succeeded()))
                    .toList());
            data.add(row);
        }
        Section section = Section.of("fleetScale", "Fleet at scale: hawkBit and the agents", table, List.of(
                "Real agents (io.patchbay.fleet's AgentRuntime) against the real hawkBit test server, " + settings
                        .perJvm() + " agents per JVM, each with its own controller id and state folder and a"
                        + " simulated slot serving " + SimulatedSlot.CALLS_PER_SECOND + " calls/s.",
                "Poll interval " + POLL_MILLIS + " ms (hawkBit's), health window " + settings.windowMillis()
                        + " ms, " + settings.groups() + " groups, success threshold 100 %, error threshold 0 %.",
                "The targets poll " + settings.warmSeconds() + " s before anything is measured (JIT warm-up).",
                "Polls and agent CPU over " + settings.idleSeconds() + " s with nothing to deploy (the JVMs' whole"
                        + " process CPU, divided by the polls answered); hawkBit's CPU in % of one core.",
                "The bad rollout's first wave fails (5 % errors); 'later groups started' counts targets outside"
                        + " group 1 that ever started its action: 0 means the pause came first."));
        section.data().put("results", data);
        return section;
    }

    private Section waves(List<FleetSize.Result> results) {
        long goal = 2 * POLL_MILLIS + settings.windowMillis();
        Table table = new Table("targets", "wave", "targets in wave", "first action after due", "wave done after",
                "goal (2 polls + window)", "within goal");
        for (FleetSize.Result r : results) {
            for (Waves.Wave w : r.waves()) {
                table.row(r.targets(), w.group(), w.targets(), seconds(w.firstStartMillis()),
                        w.doneMillis() >= 0 ? seconds(w.doneMillis()) : f("- (%d successes seen)", w.succeeded()),
                        seconds(goal), w.doneMillis() >= 0 && w.doneMillis() <= goal ? "yes" : "no");
            }
        }
        return Section.of("fleetWaves", "Fleet at scale: each wave of the good rollout", table, List.of(
                "A wave is due when the rollout starts (wave 1) or when the wave before it succeeded on every target;"
                        + " it is done when its last target reported success (the agents' own event times).",
                "'First action after due' is hawkBit's scheduler plus the wait for the target's next poll."));
    }

    private static Path artifact(Path work, String name) throws java.io.IOException {
        Files.createDirectories(work);
        Path file = work.resolve(name);
        Files.write(file, ("simulated patch " + name + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return file;
    }

    private static String seconds(long millis) {
        return millis < 0 ? "-" : f("%.1f s", millis / 1000.0);
    }

    private static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }
}
