package io.patchbay.core.source;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.patchbay.api.PatchException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class UrlSourceTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService threads;
    private String base;

    @Before
    public void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stall", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/half", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            OutputStream body = exchange.getResponseBody();
            body.write(new byte[10]);
            body.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/jar", exchange -> {
            exchange.sendResponseHeaders(200, 3);
            exchange.getResponseBody().write(new byte[] { 1, 2, 3 });
            exchange.close();
        });
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @After
    public void stop() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    public void readsWhatTheServerSends() throws Exception {
        try (InputStream in = UrlSource.open(base + "/jar", 1000, 1000)) {
            assertArrayEquals(new byte[] { 1, 2, 3 }, in.readAllBytes());
        }
    }

    @Test
    public void aServerThatNeverAnswersTimesOutWithASentence() {
        PatchException refused = assertThrows(PatchException.class, () -> UrlSource.open(base + "/stall", 1000, 300));
        assertEquals(base + "/stall stalled: no data within 300 ms (url.read.timeout.ms); nothing was applied.",
                refused.getMessage());
    }

    @Test
    public void aBodyThatStopsHalfWayTimesOutWithTheSameSentence() {
        // the read timeout covers the headers too: on a machine loaded enough (PIT's runs) they can come later
        // than it, and then the same sentence comes from open; either way it names the stall
        PatchException refused = assertThrows(PatchException.class, () -> {
            try (InputStream in = UrlSource.open(base + "/half", 1000, 1000)) {
                in.readAllBytes();
            }
        });
        assertEquals(base + "/half stalled: no data within 1000 ms (url.read.timeout.ms); nothing was applied.",
                refused.getMessage());
    }

    @Test
    public void anHttpErrorIsNamed() {
        PatchException refused = assertThrows(PatchException.class, () -> UrlSource.open(base + "/none.jar", 1000, 1000));
        assertEquals(base + "/none.jar could not be fetched: the server answered 404 Not Found.", refused.getMessage());
    }

    @Test
    public void notAUrl() {
        PatchException refused = assertThrows(PatchException.class, () -> UrlSource.open("http://a b/", 1000, 1000));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith(" is not a valid URL."));
    }
}
