package io.patchbay.fleet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;

public class DdiTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    public void pollGivesTheIntervalAndTheLinksTheServerSent() throws Exception {
        Ddi.Poll poll = Ddi.Poll.of(json.readTree("{\"config\":{\"polling\":{\"sleep\":\"00:01:05\"}},"
                + "\"_links\":{\"deploymentBase\":{\"href\":\"http://h/DEFAULT/controller/v1/c/deploymentBase/7?c=1\"},"
                + "\"configData\":{\"href\":\"http://h/DEFAULT/controller/v1/c/configData\"}}}"), 30_000);
        assertEquals(65_000, poll.sleepMillis());
        assertEquals("http://h/DEFAULT/controller/v1/c/deploymentBase/7?c=1", poll.deploymentHref());
        assertNull(poll.cancelHref());
        assertEquals("http://h/DEFAULT/controller/v1/c/configData", poll.configDataHref());
    }

    @Test
    public void anUnreadableIntervalFallsBackToTheDefault() throws Exception {
        assertEquals(30_000, Ddi.Poll.of(json.readTree("{}"), 30_000).sleepMillis());
        assertEquals(30_000, Ddi.sleepMillis("soon", 30_000));
        assertEquals(30_000, Ddi.sleepMillis("00:xx:00", 30_000));
    }

    @Test
    public void deploymentListsEveryArtifactOfEveryChunk() throws Exception {
        Ddi.Deployment deployment = Ddi.Deployment.of(json.readTree("{\"id\":\"12\",\"deployment\":{"
                + "\"download\":\"forced\",\"update\":\"forced\",\"chunks\":[{\"part\":\"patchbay-patch\","
                + "\"name\":\"com.example.fix\",\"version\":\"1.0.1\",\"artifacts\":[{\"filename\":\"fix.jar\","
                + "\"hashes\":{\"sha1\":\"aa\",\"md5\":\"bb\",\"sha256\":\"cc\"},\"size\":1234,\"_links\":{"
                + "\"download\":{\"href\":\"https://h/fix.jar\"},\"download-http\":{\"href\":\"http://h/fix.jar\"}}}]},"
                + "{\"part\":\"patchbay-patch\",\"name\":\"other\",\"version\":\"2\",\"artifacts\":[{\"filename\":"
                + "\"o.jar\",\"hashes\":{\"sha1\":\"dd\"},\"size\":5,\"_links\":{\"download\":{\"href\":"
                + "\"https://h/o.jar\"}}}]}]}}"));
        assertEquals(12, deployment.actionId());
        assertEquals(2, deployment.artifacts().size());
        Ddi.Artifact fix = deployment.artifacts().get(0);
        assertEquals("http://h/fix.jar", fix.href()); // plain HTTP preferred when offered
        assertEquals("cc", fix.sha256());
        assertEquals(1234, fix.size());
        assertEquals("com.example.fix", fix.module());
        Ddi.Artifact other = deployment.artifacts().get(1);
        assertEquals("https://h/o.jar", other.href());
        assertNull(other.sha256());
        assertEquals("dd", other.sha1());
    }

    @Test
    public void cancelNamesTheActionItStops() throws Exception {
        Ddi.Cancel cancel = Ddi.Cancel.of(json.readTree("{\"id\":\"9\",\"cancelAction\":{\"stopId\":\"8\"}}"));
        assertEquals(9, cancel.actionId());
        assertEquals(8, cancel.stopId());
    }

    @Test
    public void artifactNamesCannotLeaveTheWorkFolder() {
        assertEquals("fix.jar", Downloads.safeName("../../etc/fix.jar"));
        assertEquals("a_b.jar", Downloads.safeName("a b.jar"));
        assertEquals("artifact.x.jar", Downloads.safeName(".x"));
    }
}
