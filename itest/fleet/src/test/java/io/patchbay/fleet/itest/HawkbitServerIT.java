package io.patchbay.fleet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Smoke test of a real hawkBit 0.3.0M7 with raw DDI targets: a two-group rollout advances on success, pauses on
 * error without reaching the next group, a fleet rollback (the script) brings the previous set back, and a server
 * restart keeps every target, set and rollout. The methods run in name order and build on each other.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HawkbitServerIT {

    static final String TOKEN = "fleet-gateway-secret";
    static final Duration WAIT = Duration.ofSeconds(60);
    static HawkbitServer server;
    static Mgmt mgmt;
    static Path patch;
    static long firstSet;
    static long rolloutA;

    @BeforeClass
    public static void startServer() throws Exception {
        long t0 = System.nanoTime();
        server = HawkbitServer.startFresh("smoke");
        mgmt = new Mgmt(server.baseUrl(), HawkbitServer.USER, HawkbitServer.PASSWORD);
        mgmt.enableGatewayToken(TOKEN);
        mgmt.ensureTypes();
        patch = Path.of(System.getProperty("fleet.patch.jar"));
        long module = mgmt.createModule(Mgmt.PATCH_TYPE, "com.example.pricing.impl.fix", "1.0.1");
        mgmt.uploadArtifact(module, patch);
        firstSet = mgmt.createSet("pricing-fix", "1.0.1", module);
        System.out.printf("hawkBit up in %d ms, RSS %d MB; setup %d ms%n", server.lastStartTime().toMillis(),
                server.rssKb() / 1024, (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void a_successOfGroupOneStartsGroupTwo() throws Exception {
        DdiTarget one = register("fleet-a1");
        DdiTarget two = register("fleet-a2");
        long rollout = mgmt.createRollout("a", firstSet, "controllerId==fleet-a*",
                List.of("controllerId==fleet-a1", "controllerId==fleet-a2"), 100, 0);
        rolloutA = rollout;
        startWhenReady(rollout);

        long action = Long.parseLong(awaitDeployment(one).path("id").asText());
        List<JsonNode> groups = mgmt.groups(rollout);
        assertEquals(2, groups.size());
        assertEquals("running", groups.get(0).path("status").asText());
        assertEquals("scheduled", groups.get(1).path("status").asText());
        assertOnlyScheduled("group 2 must wait for group 1", "fleet-a2");
        assertFalse(two.poll().json().path("_links").has("deploymentBase"));

        assertEquals(200, one.deploymentFeedback(action, "proceeding", "none", "downloading").status());
        assertEquals(200, one.deploymentFeedback(action, "closed", "success", "applied").status());
        long second = Long.parseLong(awaitDeployment(two).path("id").asText());
        assertEquals(200, two.deploymentFeedback(second, "closed", "success", "applied").status());
        Deadline.await("rollout a finished", WAIT, () -> "finished".equals(mgmt.rolloutStatus(rollout)));
        assertEquals("finished", mgmt.groups(rollout).get(1).path("status").asText());
        assertEquals("in_sync", mgmt.target("fleet-a2").path("updateStatus").asText());
    }

    @Test
    public void b_errorPausesTheRolloutAndTheRollbackScriptRollsThePreviousSetOut() throws Exception {
        DdiTarget b1 = register("fleet-b1");
        DdiTarget b2 = register("fleet-b2");
        // the release script: types exist already, the module and its artifact too; the set is new
        String set = Scripts.ok("fleet-release.sh", server.baseUrl(), patch.toString());
        assertEquals("the release script is idempotent", set, Scripts.ok("fleet-release.sh", server.baseUrl(), patch.toString()));
        assertNotEquals(String.valueOf(firstSet), set);

        long rollout = Long.parseLong(Scripts.ok("fleet-rollout.sh", server.baseUrl(), "b", set,
                "controllerId==fleet-b*", "2", "100", "0"));
        Deadline.await("rollout b running", WAIT, () -> "running".equals(mgmt.rolloutStatus(rollout)));
        List<JsonNode> groups = mgmt.groups(rollout);
        assertEquals(2, groups.size());
        String first = mgmt.groupTargets(rollout, groups.get(0).get("id").asLong()).get(0).get("controllerId").asText();
        DdiTarget failing = first.equals("fleet-b1") ? b1 : b2;
        DdiTarget spared = failing == b1 ? b2 : b1;

        long action = Long.parseLong(awaitDeployment(failing).path("id").asText());
        assertEquals(200, failing.deploymentFeedback(action, "closed", "failure", "patch did not start").status());
        Deadline.await("rollout b paused", WAIT, () -> "paused".equals(mgmt.rolloutStatus(rollout)));
        assertEquals("error", mgmt.groups(rollout).get(0).path("status").asText());
        assertEquals("scheduled", mgmt.groups(rollout).get(1).path("status").asText());
        assertOnlyScheduled("a paused rollout gives the next group nothing", spared.controllerId);
        assertFalse(spared.poll().json().path("_links").has("deploymentBase"));

        long rollback = Long.parseLong(Scripts.ok("fleet-rollback.sh", server.baseUrl(), "b-rollback",
                String.valueOf(firstSet), "controllerId==fleet-b*"));
        assertEquals("paused", mgmt.rolloutStatus(rollout));
        for (DdiTarget target : List.of(failing, spared)) {
            JsonNode deployment = awaitDeployment(target);
            assertEquals("pricing-fix set: the patch module", "com.example.pricing.impl.fix",
                    deployment.path("deployment").path("chunks").get(0).path("name").asText());
            long id = Long.parseLong(deployment.path("id").asText());
            assertEquals(200, target.deploymentFeedback(id, "closed", "success", "rolled back").status());
        }
        Deadline.await("rollback finished", WAIT, () -> "finished".equals(mgmt.rolloutStatus(rollback)));
        assertEquals(String.valueOf(firstSet), mgmt.get("/targets/fleet-b1/installedDS").path("id").asText());
    }

    @Test
    public void c_restartKeepsTheDataAndTargetsPollAgain() throws Exception {
        int targets = mgmt.targets(null).size();
        DdiTarget a1 = new DdiTarget(server.baseUrl(), "DEFAULT", "fleet-a1", TOKEN);
        server.stop();
        try {
            a1.poll();
            throw new AssertionError("the stopped server still answered");
        } catch (java.io.IOException expected) {
            // connection refused while it is down
        }
        server.start();
        System.out.printf("hawkBit restart in %d ms%n", server.lastStartTime().toMillis());
        assertEquals(targets, mgmt.targets(null).size());
        assertEquals("finished", mgmt.rolloutStatus(rolloutA));
        assertEquals("the gateway token is tenant data, kept", 200, a1.poll().status());
        assertEquals(String.valueOf(firstSet), mgmt.get("/targets/fleet-a1/installedDS").path("id").asText());

        // and a new target registers, and an assignment after the restart reaches it
        DdiTarget c1 = register("fleet-c1");
        mgmt.assign(firstSet, "forced", "fleet-c1");
        long action = Long.parseLong(awaitDeployment(c1).path("id").asText());
        assertEquals(200, c1.deploymentFeedback(action, "closed", "success", "after restart").status());
        assertEquals(targets + 1, mgmt.targets("controllerId==fleet-*").size());
    }

    /**
     * hawkBit creates every group's actions at the start, but assigns the set (and shows the target a
     * deploymentBase) only once the group runs. The Management API shows such an action as "finished" (= not
     * active), so the assigned set is what tells.
     */
    static void assertOnlyScheduled(String why, String controllerId) throws Exception {
        assertTrue(why, mgmt.get("/targets/" + controllerId + "/assignedDS").path("id").isMissingNode());
    }

    static DdiTarget register(String controllerId) throws Exception {
        DdiTarget target = new DdiTarget(server.baseUrl(), "DEFAULT", controllerId, TOKEN);
        assertEquals(200, target.poll().status());
        return target;
    }

    static JsonNode awaitDeployment(DdiTarget target) throws Exception {
        JsonNode poll = Deadline.await("a deploymentBase link for " + target.controllerId, WAIT, () -> {
            JsonNode answer = target.poll().json();
            return answer.path("_links").has("deploymentBase") ? answer : null;
        });
        return target.follow(poll, "deploymentBase").json();
    }

    static void startWhenReady(long rollout) throws Exception {
        Deadline.await("rollout " + rollout + " ready", WAIT, () -> "ready".equals(mgmt.rolloutStatus(rollout)));
        mgmt.startRollout(rollout);
    }
}
