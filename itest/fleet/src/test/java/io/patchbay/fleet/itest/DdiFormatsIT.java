package io.patchbay.fleet.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The DDI v1 wire formats of hawkBit 0.3.0M7 as a target sees them; {@code itest/fleet/DDI-NOTES.md} is written
 * from these answers, which this test also keeps in {@code target/ddi-observed/} for the agent's author.
 */
public class DdiFormatsIT {

    static final String TOKEN = "ddi-formats-secret";
    static HawkbitServer server;
    static Mgmt mgmt;
    static Path observed;

    @BeforeClass
    public static void startServer() throws Exception {
        server = HawkbitServer.startFresh("ddi");
        mgmt = new Mgmt(server.baseUrl(), HawkbitServer.USER, HawkbitServer.PASSWORD);
        observed = Files.createDirectories(Path.of(System.getProperty("fleet.build", "target"), "ddi-observed"));
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void pollDeploymentDownloadFeedbackConfigDataCancelAndBaseline() throws Exception {
        DdiTarget before = new DdiTarget(server.baseUrl(), "DEFAULT", "ddi-1", TOKEN);
        assertEquals("gateway token not enabled yet", 401, keep("poll-token-disabled", before.poll()).status());
        mgmt.enableGatewayToken(TOKEN);
        mgmt.ensureTypes();
        DdiTarget target = new DdiTarget(server.baseUrl(), "DEFAULT", "ddi-1", TOKEN);
        assertEquals(401, keep("poll-wrong-token", target.pollWithToken("wrong")).status());
        JsonNode poll = keep("poll-idle", target.poll()).json();
        assertEquals("00:00:01", poll.path("config").path("polling").path("sleep").asText());
        assertEquals("auto-registered", "ddi-1", mgmt.target("ddi-1").path("controllerId").asText());

        Path jar = Path.of(System.getProperty("fleet.patch.jar"));
        long module = mgmt.createModule(Mgmt.PATCH_TYPE, "com.example.pricing.impl.fix", "1.0.1");
        mgmt.uploadArtifact(module, jar);
        long set = mgmt.createSet("pricing-fix", "1.0.1", module);
        mgmt.assign(set, "forced", "ddi-1");
        poll = keep("poll-deployment", target.poll()).json();
        JsonNode base = keep("deploymentBase", target.follow(poll, "deploymentBase")).json();
        long action = Long.parseLong(base.path("id").asText());
        JsonNode chunk = base.path("deployment").path("chunks").get(0);
        assertEquals("forced", base.path("deployment").path("update").asText());
        assertEquals(Mgmt.PATCH_TYPE, chunk.path("part").asText());
        assertEquals("com.example.pricing.impl.fix", chunk.path("name").asText());
        assertEquals("1.0.1", chunk.path("version").asText());
        JsonNode artifact = chunk.path("artifacts").get(0);
        byte[] bytes = target.download(artifact);
        assertArrayEquals(Files.readAllBytes(jar), bytes);
        assertEquals(sha1(bytes), artifact.path("hashes").path("sha1").asText());
        assertEquals(bytes.length, artifact.path("size").asLong());

        assertEquals(200, target.deploymentFeedback(action, "proceeding", "none", "downloaded").status());
        assertEquals(200, keep("configData", target.configData(Map.of("patchbay.version", "0.1.0"), null)).status());
        assertEquals(200, target.configData(Map.of("felix", "7.0.5"), "merge").status());
        assertEquals("0.1.0", mgmt.get("/targets/ddi-1/attributes").path("patchbay.version").asText());
        assertEquals(200, target.deploymentFeedback(action, "closed", "success", "applied").status());
        assertEquals("closed action", 410, target.deploymentFeedback(action, "proceeding", "none", null).status());
        assertEquals("finished", mgmt.actions("ddi-1").get(0).path("status").asText());
        assertEquals("finished", mgmt.actionStatus("ddi-1", action).get(0).path("type").asText());

        // cancel: a soft assignment, cancelled from the Management API, confirmed by the target
        long cancelled = mgmt.assign(mgmt.createSet("pricing-fix", "1.0.1-again", module), "soft", "ddi-1")
                .path("assignedActions").get(0).path("id").asLong();
        keep("deploymentBase-soft", target.follow(target.poll().json(), "deploymentBase"));
        mgmt.cancelAction("ddi-1", cancelled);
        poll = keep("poll-cancel", target.poll()).json();
        JsonNode cancel = keep("cancelAction", target.follow(poll, "cancelAction")).json();
        assertEquals(String.valueOf(cancelled), cancel.path("cancelAction").path("stopId").asText());
        assertEquals(200, target.cancelFeedback(cancelled, "closed", "success", "cancelled").status());
        JsonNode after = mgmt.actions("ddi-1").get(0);
        assertEquals("cancel", after.path("type").asText());
        assertEquals("Management API: finished = no longer active", "finished", after.path("status").asText());

        // the baseline set: hawkBit refuses an empty set, so it carries one marker module without artifacts
        try {
            mgmt.assign(mgmt.createSet("empty", "1"), "forced", "ddi-1");
            throw new AssertionError("hawkBit assigned an empty distribution set");
        } catch (Mgmt.MgmtException expected) {
            keepText("assign-empty-set", expected.status + " " + expected.getMessage());
        }
        mgmt.assign(mgmt.createBaselineSet("baseline", "1"), "forced", "ddi-1");
        base = keep("deploymentBase-baseline", target.follow(target.poll().json(), "deploymentBase")).json();
        JsonNode chunks = base.path("deployment").path("chunks");
        assertEquals(1, chunks.size());
        assertEquals(Mgmt.BASELINE_TYPE, chunks.get(0).path("part").asText());
        assertTrue(chunks.get(0).path("artifacts").isEmpty());
    }

    static DdiTarget.Answer keep(String name, DdiTarget.Answer answer) throws Exception {
        keepText(name, answer.status() + " " + answer.body());
        return answer;
    }

    static void keepText(String name, String text) throws Exception {
        Files.writeString(observed.resolve(name + ".txt"), text + "\n");
    }

    static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
