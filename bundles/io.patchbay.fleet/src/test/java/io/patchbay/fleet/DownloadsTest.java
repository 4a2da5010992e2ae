package io.patchbay.fleet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Downloads against a real HTTP server on loopback (the JDK's): hashes, limits, and what stays on disk. */
public class DownloadsTest {

    private static final byte[] JAR = "not really a jar, but bytes".getBytes(StandardCharsets.UTF_8);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private HttpServer server;
    private DdiClient ddi;

    @Before
    public void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/a.jar", exchange -> {
            exchange.sendResponseHeaders(200, JAR.length);
            exchange.getResponseBody().write(JAR);
            exchange.close();
        });
        server.createContext("/gone.jar", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        ddi = new DdiClient(Configurations.of(Map.of("url", url(""))), "c");
    }

    @After
    public void stop() {
        server.stop(0);
    }

    @Test
    public void anArtifactMatchingItsHashIsKept() throws Exception {
        Path file = downloads(1024).fetch(artifact("/a.jar", sha256(JAR), JAR.length));
        assertArrayEquals(JAR, Files.readAllBytes(file));
        assertEquals("a.jar", file.getFileName().toString());
    }

    @Test
    public void aHashMismatchIsOneSentenceAndLeavesNoFile() throws Exception {
        String wrong = sha256("other".getBytes(StandardCharsets.UTF_8));
        try {
            downloads(1024).fetch(artifact("/a.jar", wrong, JAR.length));
            fail("a mismatch was accepted");
        } catch (DeploymentException e) {
            assertEquals("Artifact a.jar does not match its SHA-256: the server says " + wrong + ", the "
                    + JAR.length + " bytes received hash to " + sha256(JAR) + ".", e.getMessage());
        }
        assertFalse(Files.exists(folder.getRoot().toPath().resolve("a.jar")));
    }

    @Test
    public void moreBytesThanAllowedAreRefusedWhileStreaming() throws Exception {
        try { // the server says 5 bytes, then sends more than the limit
            downloads(10).fetch(artifact("/a.jar", sha256(JAR), 5));
            fail("too large an artifact was accepted");
        } catch (DeploymentException e) {
            assertEquals("Artifact a.jar is larger than the 10 bytes allowed (maxArtifactBytes).", e.getMessage());
        }
        assertFalse(Files.exists(folder.getRoot().toPath().resolve("a.jar")));
    }

    @Test
    public void anAnnouncedSizeAboveTheLimitIsRefusedBeforeDownloading() throws Exception {
        try {
            downloads(10).fetch(artifact("/a.jar", sha256(JAR), 11));
            fail("too large an artifact was accepted");
        } catch (DeploymentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("has 11 bytes, more than the 10 allowed"));
        }
    }

    @Test
    public void aRefusedDownloadSaysWhatTheServerAnswered() throws Exception {
        try {
            downloads(1024).fetch(artifact("/gone.jar", sha256(JAR), JAR.length));
            fail("a 404 was accepted");
        } catch (DeploymentException e) {
            assertEquals("Artifact a.jar could not be downloaded: The server answered 404 to GET /gone.jar.",
                    e.getMessage());
        }
    }

    private Downloads downloads(long maxBytes) {
        return new Downloads(ddi, folder.getRoot().toPath(), maxBytes);
    }

    private Ddi.Artifact artifact(String path, String sha256, long size) {
        return new Ddi.Artifact("m", "1", "a.jar", size, sha256, null, url(path));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
