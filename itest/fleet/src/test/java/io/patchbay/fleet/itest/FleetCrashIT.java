package io.patchbay.fleet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The fleet agent stopped at every step of a deployment: the agent's test hook ({@code patchbay.test.crash =
 * fleet:<step>}) halts the real launcher there, as {@code kill -9} would. The next start must resume the action or
 * report it, and the real hawkBit server must hold exactly one outcome for it, the right one; the container must run
 * what that outcome says, with the patch applied once by the action. Each step gets a target of its own, so that
 * its action history is its own. Then {@code scripts/fleet-rollback.sh} is run against a rollout that is still
 * running, so that its pause is what stops the rollout's next group.
 * <p>
 * Each stop costs two launcher starts. By default one stop per kind of step is made (download, hash check, apply,
 * health window, feedback, canary promotion, revert); {@code -Dfleet.crash.every=true} (the Maven profile
 * {@code crash-every-step}) stops at every step of the table in docs/fleet.md.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FleetCrashIT {

    private static final String TOKEN = "fleet-crash-it-token";
    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final int HALTED = 99;
    private static final List<String> WINDOW = List.of("healthMode = window", "healthWindowMs = 2000");
    /** A broken patch fails as soon as its errors show; a long window lets slow traffic on a busy machine show them. */
    private static final List<String> LONG_WINDOW = List.of("healthMode = window", "healthWindowMs = 30000");
    /** One stop per kind of step, unless every step is asked for. */
    private static final boolean EVERY = Boolean.getBoolean("fleet.crash.every");
    private static final List<String> CANARY = List.of("healthMode = canary", "canarySteps = 50",
            "canaryMinStepMs = 1000", "canaryMaxStepMs = 60000");

    private static HawkbitServer server;
    private static Mgmt mgmt;
    private static Path launcher;
    private static Path data;
    private static long fixSet;
    private static long brokenSet;
    private static long baselineSet;
    private static final List<FleetContainer> started = new ArrayList<>();

    @BeforeClass
    public static void startServer() throws Exception {
        server = HawkbitServer.startFresh("fleet-crash-it");
        mgmt = new Mgmt(server.baseUrl(), HawkbitServer.USER, HawkbitServer.PASSWORD);
        mgmt.enableGatewayToken(TOKEN);
        mgmt.ensureTypes();
        fixSet = mgmt.release("com.example.pricing.impl.fix", "1.0.1", Path.of(System.getProperty("fleet.patch.jar")));
        brokenSet = mgmt.release("com.example.pricing.impl.broken", "1.0.2",
                Path.of(System.getProperty("fleet.broken.jar")));
        baselineSet = mgmt.createBaselineSet("pricing-baseline", "1.0.0");
        launcher = Path.of(System.getProperty("fleet.launcher.jar"));
        data = Path.of(System.getProperty("fleet.build"), "fleet-crash-it").toAbsolutePath();
    }

    @AfterClass
    public static void stopAll() throws Exception {
        for (FleetContainer container : started) {
            container.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void a_aHealthyPatchIsAppliedOnceAndReportedOnceWhereverTheAgentStops() throws Exception {
        for (String step : steps(List.of("downloading", "hashed", "applied", "watching", "reported"), "begun",
                "checked", "decided")) {
            Crash crash = crashAt(step, WINDOW, fixSet);
            crash.assertOneOutcome("finished", FleetIT.FIX);
            assertEquals(crash.ledger().toString(), 1, crash.count("apply"));
        }
    }

    @Test
    public void b_aFailingPatchIsRevertedAndReportedOnceWhereverTheAgentStops() throws Exception {
        for (String step : steps(List.of("reverted"), "watching", "failing", "decided")) {
            Crash crash = crashAt(step, LONG_WINDOW, brokenSet);
            crash.assertOneOutcome("error", FleetIT.BASE);
            assertEquals(crash.ledger().toString(), 1, crash.count("apply"));
            assertEquals(crash.ledger().toString(), 1, crash.count("revert"));
        }
    }

    @Test
    public void c_aCanaryIsPromotedOrRevertedAndReportedOnceWhereverTheAgentStops() throws Exception {
        for (String step : steps(List.of("promoted"), "canary", "decided")) {
            Crash crash = crashAt(step, CANARY, fixSet);
            crash.assertOneOutcome("finished", FleetIT.FIX);
            // a canary cut off by the stop is ended on its baseline by the next start, and the action starts it again
            assertEquals(crash.ledger().toString(), step.equals("canary") ? 2 : 1, crash.count("canary"));
            // the judge promotes (the ledger names it, not the action)
            assertEquals(crash.ledger().toString(), 1, crash.ledger().stream().filter(l -> l.startsWith("promote "))
                    .count());
        }
        for (String step : steps(List.of("failing"), "decided")) {
            Crash crash = crashAt(step, CANARY, brokenSet);
            crash.assertOneOutcome("error", FleetIT.BASE);
            assertEquals(crash.ledger().toString(), 1, crash.count("canary"));
        }
    }

    @Test
    public void d_fleetRollbackPausesABadRolloutThatIsStillRunning() throws Exception {
        List<FleetContainer> fleet = new ArrayList<>();
        for (int i = 1; i <= 2; i++) { // a long window: the first group is still watching when the operator acts
            fleet.add(start(FleetContainer.prepare("rollback-" + i, launcher, data.resolve("rollback-" + i),
                    server.baseUrl(), TOKEN, List.of("healthMode = window", "healthWindowMs = 600000"))));
        }
        for (FleetContainer container : fleet) {
            container.awaitFleet("first poll", s -> s.path("lastPoll").asLong() > 0, WAIT);
        }
        String filter = "controllerId==rollback-*";
        long bad = mgmt.createRollout("bad", fixSet, filter, List.of("controllerId==rollback-1",
                "controllerId==rollback-2"), 100, 0);
        Deadline.await("rollout ready", WAIT, () -> "ready".equals(mgmt.rolloutStatus(bad)));
        mgmt.startRollout(bad);
        fleet.get(0).awaitFleet("group 1 watching", s -> s.path("step").asText().startsWith("watching"), WAIT);
        assertEquals("running", mgmt.rolloutStatus(bad));

        Scripts.Run run = Scripts.run("fleet-rollback.sh", server.baseUrl(), "rollback", String.valueOf(baselineSet),
                filter, "1");
        assertEquals(run.err(), 0, run.exit());
        assertTrue(run.err(), run.err().contains("paused rollout " + bad));
        assertEquals("paused", mgmt.rolloutStatus(bad));
        long rollback = Long.parseLong(run.out());
        Deadline.await("the rollback finished", WAIT, () -> "finished".equals(mgmt.rolloutStatus(rollback)));
        for (FleetContainer container : fleet) {
            container.awaitFleet("rollback reported", s -> s.path("lastFeedback").asText().startsWith("closed success"),
                    WAIT);
            assertEquals(FleetIT.BASE, container.servedBy());
        }
        // the bad rollout's second group never started: its container never ran the set
        assertEquals("scheduled", mgmt.groups(bad).get(1).path("status").asText());
        assertEquals(List.of(), fleet.get(1).ledger());
        assertEquals("paused", mgmt.rolloutStatus(bad));
    }

    /** {@code always}, and with {@code -Dfleet.crash.every=true} the {@code others} too. */
    private static List<String> steps(List<String> always, String... others) {
        List<String> steps = new ArrayList<>(always);
        if (EVERY) {
            steps.addAll(List.of(others));
        }
        return steps;
    }

    /** A fresh target armed at {@code fleet:<step>}, given {@code set}; halted there, then started again. */
    private Crash crashAt(String step, List<String> settings, long set) throws Exception {
        String id = "crash-" + (set == fixSet ? "fix-" : "broken-") + settings.get(0).substring(13) + "-" + step;
        FleetContainer container = FleetContainer.prepare(id, launcher, data.resolve(id), server.baseUrl(), TOKEN,
                settings);
        start(container, "-Dpatchbay.test.crash=fleet:" + step);
        container.awaitFleet("first poll", s -> s.path("lastPoll").asLong() > 0, WAIT);
        try (Traffic traffic = new Traffic(container)) { // the health judgements need calls; some fail in the stop
            mgmt.assign(set, "forced", id);
            assertEquals(container.output(), HALTED, container.awaitExit(WAIT));
            assertTrue(container.output(), container.output().contains("halting at the test crash point fleet:"
                    + step));
            container.launch();
            long action = mgmt.actions(id).get(0).path("id").asLong();
            Deadline.await(id + ": action " + action + " closed", WAIT,
                    () -> "finished".equals(mgmt.actions(id).get(0).path("status").asText()));
            // a poll after the first one answered: the first one's report of a pending outcome is over (a report
            // the server took before the stop is refused now, and the agent shows no feedback of its own then)
            long firstPoll = container.awaitFleet("a poll", s -> s.path("lastPoll").asLong() > 0, WAIT)
                    .path("lastPoll").asLong();
            JsonNode state = container.awaitFleet("a second poll", s -> s.path("lastPoll").asLong() > firstPoll,
                    WAIT);
            assertTrue(state.toString(), !state.hasNonNull("lastFeedback") || state.path("lastFeedback").asText()
                    .startsWith("closed"));
            Crash crash = new Crash(step, action, container.servedBy(), container.ledger(),
                    mgmt.actionStatus(id, action));
            container.close();
            return crash;
        }
    }

    private static FleetContainer start(FleetContainer container, String... jvmArguments) throws Exception {
        started.add(container);
        container.launch(jvmArguments);
        return container;
    }

    /** One target after its stop and restart: what it serves, its ledger, and hawkBit's history of the action. */
    private record Crash(String step, long action, String servedBy, List<String> ledger, List<JsonNode> history) {

        /** hawkBit holds exactly one closing status for the action, of {@code type}; the container runs {@code runs}. */
        void assertOneOutcome(String type, String runs) {
            String what = step + ": " + history + " " + ledger;
            assertEquals(what, 1, history.stream().map(status -> status.path("type").asText())
                    .filter(t -> t.equals("finished") || t.equals("error") || t.equals("canceled")).count());
            assertTrue(what, history.stream().anyMatch(status -> status.path("type").asText().equals(type)));
            assertEquals(what, runs, servedBy);
        }

        /** How many ledger entries of {@code kind} name this action. */
        long count(String kind) {
            return ledger.stream().filter(line -> line.startsWith(kind + " hawkBit action " + action + ":")).count();
        }
    }
}
