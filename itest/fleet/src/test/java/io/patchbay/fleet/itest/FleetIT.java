package io.patchbay.fleet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
 * A fleet of four real Patchbay launchers (own JVMs, ports and data folders) as targets of one real hawkBit
 * server, started once for the class. The first group's two containers judge a deployment with the canary judge
 * ({@code healthMode = canary}, one 50 % step), the second group's with the health window (4 s). The tests run in order, as an operator would: a broken patch rolled out and
 * stopped by the first group's health, the fix rolled out group by group (one container killed in its health
 * window), a fleet rollback to the baseline set, and the server stopped while the containers serve.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FleetIT {

    static final String TOKEN = "fleet-it-gateway-token";
    static final String FILTER = "controllerId==fleet-*";
    static final List<String> GROUPS = List.of("controllerId==fleet-1,controllerId==fleet-2",
            "controllerId==fleet-3,controllerId==fleet-4");
    static final String BASE = "com.example.pricing.impl 1.0.0";
    static final String FIX = "com.example.pricing.impl 1.0.1";
    static final String BROKEN = "com.example.pricing.impl 1.0.2";
    static final long WINDOW_MS = 4_000;
    static final List<String> CANARY = List.of("healthMode = canary", "canarySteps = 50",
            "canaryMinStepMs = 2000", "canaryMaxStepMs = 60000");
    static final List<String> WINDOW = List.of("healthMode = window", "healthWindowMs = " + WINDOW_MS);
    static final Duration WAIT = Duration.ofSeconds(120);

    static HawkbitServer server;
    static Mgmt mgmt;
    static final List<FleetContainer> fleet = new ArrayList<>();
    static long fixSet;
    static long brokenSet;
    static long baselineSet;

    @BeforeClass
    public static void startServerAndFleet() throws Exception {
        server = HawkbitServer.startFresh("fleet-it");
        mgmt = new Mgmt(server.baseUrl(), HawkbitServer.USER, HawkbitServer.PASSWORD);
        mgmt.enableGatewayToken(TOKEN);
        mgmt.ensureTypes();
        fixSet = release("com.example.pricing.impl.fix", "1.0.1", System.getProperty("fleet.patch.jar"));
        brokenSet = release("com.example.pricing.impl.broken", "1.0.2", System.getProperty("fleet.broken.jar"));
        baselineSet = mgmt.createBaselineSet("pricing-baseline", "1.0.0");
        Path launcher = Path.of(System.getProperty("fleet.launcher.jar"));
        Path data = Path.of(System.getProperty("fleet.build"), "fleet-it").toAbsolutePath();
        for (int i = 1; i <= 4; i++) {
            fleet.add(FleetContainer.start("fleet-" + i, launcher, data.resolve("fleet-" + i), server.baseUrl(),
                    TOKEN, i <= 2 ? CANARY : WINDOW));
        }
        for (FleetContainer container : fleet) { // each registers itself on its first poll
            container.awaitFleet("first poll answered", state -> state.path("lastPoll").asLong() > 0, WAIT);
            assertEquals(BASE, container.servedBy());
        }
        assertEquals(4, mgmt.targets(FILTER).size());
    }

    @AfterClass
    public static void stopAll() throws Exception {
        for (FleetContainer container : fleet) {
            container.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void a_brokenPatchFailsTheFirstGroupsHealthIsRevertedThereAndNoLaterGroupGetsIt() throws Exception {
        try (Calls calls = Calls.on(fleet)) {
            long rollout = startWhenReady(mgmt.createRollout("pricing-broken", brokenSet, FILTER, GROUPS, 100, 0));
            Deadline.await("the broken rollout paused", WAIT, () -> "paused".equals(mgmt.rolloutStatus(rollout)));
            for (FleetContainer container : fleet.subList(0, 2)) {
                long action = newestAction(container);
                JsonNode state = container.awaitFleet("the failure reported", s -> s.path("lastFeedback").asText()
                        .startsWith("closed failure: The canary judge reverted com.example.pricing.impl/1.0.2: "),
                        WAIT);
                assertEquals(state.toString(), action, state.path("actionId").asLong());
                assertEquals(BASE, container.servedBy());
                List<String> ledger = container.ledger();
                assertTrue(ledger.toString(), ledger.get(0).startsWith("auto-revert judge: "
                        + "com.example.pricing.impl/1.0.2 -> com.example.pricing.impl/1.0.0"));
                assertTrue(ledger.toString(), ledger.get(1).startsWith("canary hawkBit action " + action
                        + ": com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.2"));
                String history = mgmt.actionStatus(container.controllerId, action).toString();
                assertTrue(history, history.contains("The canary judge reverted com.example.pricing.impl/1.0.2"));
                assertTrue(calls.servedBy(container).containsKey(BROKEN)); // it did serve, and failed
            }
            assertEquals("paused", mgmt.rolloutStatus(rollout));
            assertEquals("scheduled", mgmt.groups(rollout).get(1).path("status").asText());
            for (FleetContainer container : fleet.subList(2, 4)) {
                assertEquals(BASE, container.servedBy());
                assertTrue(container.ledger().toString(), container.ledger().isEmpty());
                assertFalse(calls.servedBy(container).containsKey(BROKEN));
                assertEquals(List.of(), calls.failures(container));
                assertEquals(0, container.fleet().path("actionId").asLong());
            }
        }
    }

    @Test
    public void b_theFixRollsOutGroupByGroupSurvivesAKillInItsWindowAndNoCallFails() throws Exception {
        try (Calls calls = Calls.on(fleet)) {
            long rollout = startWhenReady(mgmt.createRollout("pricing-fix", fixSet, FILTER, GROUPS, 100, 0));
            // the first group is in its health window while the second has not been given the fix
            fleet.get(0).awaitFleet("group 1 in its canary", s -> s.path("step").asText().startsWith("canary of"),
                    WAIT);
            assertEquals(BASE, fleet.get(2).servedBy());
            long beforeGroup2 = fleet.get(2).fleet().path("actionId").asLong();

            FleetContainer killed = fleet.get(2);
            killed.awaitFleet("group 2 watching", s -> s.path("actionId").asLong() != beforeGroup2
                    && s.path("step").asText().startsWith("watching"), WAIT);
            calls.pause(killed);
            killed.kill();
            killed.launch();
            calls.resume(killed);

            Deadline.await("the fix rollout finished", WAIT, () -> "finished".equals(mgmt.rolloutStatus(rollout)));
            for (FleetContainer container : fleet) {
                long action = newestAction(container);
                container.awaitFleet("success reported", s -> s.path("lastFeedback").asText()
                        .startsWith("closed success"), WAIT);
                assertEquals(FIX, container.servedBy());
                List<String> ledger = container.ledger();
                if (fleet.indexOf(container) < 2) { // the judge promoted the canary this action started
                    assertTrue(ledger.toString(), ledger.get(0).startsWith("promote "));
                    assertTrue(ledger.toString(), ledger.get(1).startsWith("canary hawkBit action " + action
                            + ": com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1"));
                } else {
                    assertTrue(ledger.toString(), ledger.get(0).startsWith("apply hawkBit action " + action
                            + ": com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1"));
                }
                assertEquals(container.controllerId, List.of(), calls.failures(container));
            }
            assertTrue(killed.output(), killed.fleet().path("applied").toString().contains("1.0.1"));
            // the restarted container resumed the action: applied once, judged again, reported once
            long action = newestAction(killed);
            assertEquals(killed.ledger().toString(), 1, killed.ledger().stream()
                    .filter(line -> line.startsWith("apply hawkBit action " + action + ":")).count());
            String text = killed.fleet().path("text").asText(); // what patch:fleet prints
            assertTrue(text, text.contains("controller fleet-3"));
            assertTrue(text, text.contains("feedback   ") && text.contains("closed success: com.example.pricing.impl/1.0.1 served 4000 ms"));
        }
    }

    @Test
    public void c_fleetRollbackRollsTheBaselineSetOutAsReverts() throws Exception {
        try (Calls calls = Calls.on(fleet)) {
            long rollout = Long.parseLong(Scripts.ok("fleet-rollback.sh", server.baseUrl(), "pricing-rollback",
                    String.valueOf(baselineSet), FILTER, "2"));
            Deadline.await("the rollback finished", WAIT, () -> "finished".equals(mgmt.rolloutStatus(rollout)));
            for (FleetContainer container : fleet) {
                long action = newestAction(container);
                container.awaitFleet("rollback reported", s -> s.path("actionId").asLong() == action
                        && s.path("lastFeedback").asText().startsWith("closed success"), WAIT);
                assertEquals(BASE, container.servedBy());
                String newest = container.ledger().get(0);
                assertTrue(newest, newest.startsWith("revert hawkBit action " + action
                        + ": com.example.pricing.impl/1.0.1 -> com.example.pricing.impl/1.0.0"));
                assertEquals(0, container.fleet().path("applied").size());
                assertEquals(container.controllerId, List.of(), calls.failures(container));
            }
        }
    }

    @Test
    public void d_theServerStoppedNeverFailsACallAndTheAgentsBackOffThenResume() throws Exception {
        try (Calls calls = Calls.on(fleet)) {
            server.stop();
            for (FleetContainer container : fleet) {
                JsonNode state = container.awaitFleet("backing off", s -> s.path("failures").asInt() >= 3, WAIT);
                assertEquals(state.toString(), "backing off", state.path("state").asText());
                assertTrue(state.toString(), state.path("lastError").asText().startsWith("cannot connect"));
            }
            long down = calls.total();
            long restarted = System.currentTimeMillis();
            server.start();
            for (FleetContainer container : fleet) {
                container.awaitFleet("polling again", s -> s.path("failures").asInt() == 0
                        && s.path("lastPoll").asLong() > restarted, WAIT);
                assertEquals(BASE, container.servedBy());
                assertEquals(container.controllerId, List.of(), calls.failures(container));
            }
            assertTrue("calls went on while the server was down: " + down, down > 100);
        }
    }

    @Test
    public void e_aBadArtifactFailsWithTheSentenceApplyGivesAndChangesNothing() throws Exception {
        Path notABundle = Path.of(System.getProperty("fleet.build"), "not-a-bundle-1.0.0.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                java.nio.file.Files.newOutputStream(notABundle))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("README.txt"));
            zip.write("a jar, but no bundle".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        long set = release("not-a-bundle", "1.0.0", notABundle.toString());
        FleetContainer target = fleet.get(3);
        List<String> ledger = target.ledger();
        try (Calls calls = Calls.on(List.of(target))) {
            mgmt.assign(set, "forced", target.controllerId);
            long action = Deadline.await("the assignment", WAIT, () -> {
                long newest = newestAction(target);
                return target.fleet().path("actionId").asLong() == newest ? newest : null;
            });
            JsonNode state = target.awaitFleet("failure reported", s -> s.path("lastFeedback").asText()
                    .startsWith("closed failure: not-a-bundle-1.0.0.jar: "), WAIT);
            String sentence = state.path("lastFeedback").asText().substring("closed failure: ".length());
            assertFalse(sentence, sentence.contains("\n"));
            assertTrue(sentence, sentence.endsWith("."));
            assertEquals(ledger, target.ledger());
            assertEquals(BASE, target.servedBy());
            assertEquals(List.of(), calls.failures(target));
            String history = mgmt.actionStatus(target.controllerId, action).toString();
            assertTrue(history, history.contains(sentence.substring(0, 40)));
        }
    }

    private static long release(String name, String version, String jar) throws Exception {
        return mgmt.release(name, version, Path.of(jar));
    }

    private static long startWhenReady(long rollout) throws Exception {
        Deadline.await("rollout " + rollout + " ready", WAIT, () -> "ready".equals(mgmt.rolloutStatus(rollout)));
        mgmt.startRollout(rollout);
        return rollout;
    }

    /** The target's newest action id, as the Management API lists it. */
    private static long newestAction(FleetContainer container) throws Exception {
        return mgmt.actions(container.controllerId).get(0).path("id").asLong();
    }
}
