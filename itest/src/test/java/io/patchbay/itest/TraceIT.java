package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.TraceDTO;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
import org.junit.Test;

/**
 * {@code patch:trace} typed into the real Gogo console while the example's web consumer is called over HTTP: one
 * line per call naming the consumer bundle and the implementation that answered, and the command stops by itself,
 * by count or by time.
 */
public class TraceIT extends ContainerTest {

    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final String WEB = "com.example.pricing.web/1.0.0";
    private static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

    @Inject
    private PatchInspector inspector;

    @Inject
    private CommandProcessor processor;

    private Gosh shell;

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
        awaitService("(&(osgi.command.scope=patch)(osgi.command.function=trace))");
        awaitService("(osgi.converter.classes=io.patchbay.api.dto.TraceDTO)");
        shell = new Gosh(processor);
    }

    @Test
    public void traceNamesConsumerAndImplementationPerCallAndStopsAtTheCount() throws Exception {
        manager.apply(Container.fixPatch().getPath(), "trace test", "itest");
        Http http = new Http(context);
        CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> type("patch:trace -n 3 -t 60 " + SLOT));
        Deadline deadline = new Deadline(Duration.ofSeconds(30));
        while (!typed.isDone()) {
            assertEquals(200, http.get(QUOTE).statusCode());
            assertTrue("patch:trace -n 3 has not stopped", !deadline.passed());
        }
        List<String> lines = typed.get(1, TimeUnit.SECONDS).lines().toList();
        assertEquals(lines.toString(), 5, lines.size());
        assertEquals("Tracing " + SLOT + ": the next 3 calls, at most 60 seconds.", lines.get(0));
        for (String line : lines.subList(1, 4)) {
            assertTrue(line, line.matches(TIME + "  " + Pattern.quote(WEB + " -> " + FIXED) + "  \\d+ (us|ms)"));
        }
        assertEquals("3 calls traced; stopped: 3 calls recorded.", lines.get(4));
    }

    @Test
    public void traceStopsByTimeWhenNoCallComes() throws Exception {
        long start = System.nanoTime();
        String out = type("patch:trace -t 1 " + SLOT);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("Tracing " + SLOT + ": the next 20 calls, at most 1 second.\n"
                + "0 calls traced; stopped: 1 second passed.", out);
        assertTrue("stopped after " + took + " ms", took >= 1000 && took < 10_000);
        TraceDTO next = inspector.trace(SLOT, 1, 60_000); // the last one is off: a new one may start
        assertTrue(inspector.stopTrace(next.id).done);
    }

    @Test
    public void aTraceRecordsTheExceptionClassAndScriptsReadTheCalls() throws Exception {
        TraceDTO started = inspector.trace(SLOT, 2, 30_000);
        Http http = new Http(context);
        assertEquals(200, http.get(QUOTE).statusCode());
        http.get("/pricing/quote?sku=WIDGET&qty=-1"); // the example refuses a negative quantity
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        TraceDTO read;
        while (!(read = inspector.trace(started.id, 0, 500)).done) {
            assertTrue("the trace did not stop at 2 calls", !deadline.passed());
        }
        assertEquals(2, read.calls.size());
        assertEquals(WEB, read.calls.get(0).consumer);
        assertEquals(ORIGINAL, read.calls.get(0).implementation);
        assertEquals(null, read.calls.get(0).exception);
        assertTrue(read.calls.get(0).nanos > 0);
        assertNotNull("the refused quantity threw: " + read.calls.get(1), read.calls.get(1).exception);
    }

    private String type(String line) {
        try {
            return shell.type(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
