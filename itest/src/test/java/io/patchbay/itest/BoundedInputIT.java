package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

import com.sun.net.httpserver.HttpServer;
import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import java.io.File;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * Operators never block each other for ever: a URL that never answers holds up no other operation and fails with
 * its timeout, an endless upload stops at the size limit, a second operation waits a bounded time.
 */
public class BoundedInputIT extends ContainerTest {

    private static final long MAX_BYTES = 1 << 20;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer server;

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Override
    protected List<Option> extras() {
        return List.of(// the test's own HTTP server runs in the probe, in this same JVM
                systemPackage("com.sun.net.httpserver"),
                frameworkProperty("patchbay.url.read.timeout.ms").value("3000"),
                frameworkProperty("patchbay.patch.max.bytes").value(String.valueOf(MAX_BYTES)),
                frameworkProperty("patchbay.lock.timeout.ms").value("500"));
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
    }

    @After
    public void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }

    @Test
    public void aStalledUrlHoldsUpNoRevertAndFailsWithItsTimeout() throws Exception {
        manager.apply(Container.fixPatch().getPath(), null, "itest");
        CountDownLatch requested = new CountDownLatch(1);
        String url = stallingServer(requested) + "/fix.jar";
        CompletableFuture<ChangeDTO> stalled = CompletableFuture.supplyAsync(() -> manager.apply(url, null, "slow"),
                threads);
        assertTrue("the apply reached the server", requested.await(10, TimeUnit.SECONDS));

        ChangeDTO reverted = CompletableFuture.supplyAsync(() -> manager.revert(SLOT, "meanwhile", "other"), threads)
                .get(5, TimeUnit.SECONDS);
        assertEquals(ORIGINAL, reverted.to);
        assertFalse("the apply is still waiting for the server", stalled.isDone());
        List<String> bundles = Fixtures.bundles(context);
        List<String> routes = Fixtures.routes(manager);
        int ledger = manager.history(null).size();

        Throwable failure = assertThrows(Exception.class, () -> stalled.get(20, TimeUnit.SECONDS)).getCause();
        assertTrue(String.valueOf(failure), failure instanceof PatchException);
        assertEquals(url + " stalled: no data within 3000 ms (url.read.timeout.ms); nothing was applied.",
                failure.getMessage());
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(routes, Fixtures.routes(manager));
        assertEquals(ledger, manager.history(null).size());
    }

    @Test
    public void anEndlessUploadStopsAtTheLimitAndKeepsNothing() throws Exception {
        List<String> bundles = Fixtures.bundles(context);
        int ledger = manager.history(null).size();
        Endless upload = new Endless();
        PatchException refused = assertThrows(PatchException.class,
                () -> manager.apply(upload, "upload.jar", null, "itest"));
        assertEquals("upload.jar is larger than the limit of " + MAX_BYTES
                + " bytes (patch.max.bytes); nothing was kept.", refused.getMessage());
        assertTrue("read " + upload.served, upload.served <= MAX_BYTES + 1);
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(ledger, manager.history(null).size());
    }

    @Test
    public void aSecondOperationWaitsBoundedAndNamesTheOneRunning() throws Exception {
        File silent = Fixtures.jar("silent", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "silent.patch",
                "Bundle-Version", "1.0.0", "Patchbay-Patch", "com.example.pricing.api.PriceService;version=\"[1.0,2)\""));
        CountDownLatch installed = new CountDownLatch(1);
        BundleListener listener = event -> {
            if (event.getType() == BundleEvent.INSTALLED && "silent.patch".equals(event.getBundle().getSymbolicName())) {
                installed.countDown();
            }
        };
        context.addBundleListener(listener);
        try {
            CompletableFuture<ChangeDTO> first = CompletableFuture.supplyAsync(
                    () -> manager.apply(silent.getPath(), null, "first"), threads);
            assertTrue("the first apply installed its bundle", installed.await(10, TimeUnit.SECONDS));
            PatchException busy = assertThrows(PatchException.class,
                    () -> manager.apply(Container.fixPatch().getPath(), null, "second"));
            assertTrue(busy.getMessage(), busy.getMessage().matches("Another patch operation \\(apply of "
                    + java.util.regex.Pattern.quote(silent.getPath()) + " by first\\) has been running for \\d+ s; try again\\."));
            Throwable failure = assertThrows(Exception.class, () -> first.get(20, TimeUnit.SECONDS)).getCause();
            assertTrue(String.valueOf(failure), failure.getMessage().endsWith("registered no implementation of " + SLOT
                    + " within 3000 ms."));
        } finally {
            context.removeBundleListener(listener);
        }
        assertEquals(FIXED, manager.apply(Container.fixPatch().getPath(), null, "second").to);
    }

    /** A server that accepts every request and never answers (until the test ends). */
    private String stallingServer(CountDownLatch requested) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requested.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Bytes for ever, counting what was asked for. */
    private static final class Endless extends InputStream {

        volatile long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            served += length;
            return length;
        }
    }
}
