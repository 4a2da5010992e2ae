package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.example.pricing.api.PriceService;
import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.Test;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.Bundle;

/**
 * The stateful example (a quote counter handed over by {@code StateHandoff}, files in its bundle's data area) in a
 * real framework: no quote lost or counted twice over 500 applies and reverts under 16 threads, the data area carried
 * both ways, and a handoff that throws refused with the original serving.
 */
public class StatefulSwitchIT extends ContainerTest {

    private static final int CYCLES = 500;
    private static final int THREADS = 16;
    private static final long PACE = TimeUnit.MICROSECONDS.toNanos(500);
    private static final Pattern QUOTES = Pattern.compile("state handed over: \\{quotes=(\\d+), format=1}");

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Test
    public void theCountEqualsTheQuotesAnsweredOver500AppliesAndRevertsUnder16Threads() throws Exception {
        backToTheOriginal();
        PriceService prices = context.getService(context.getServiceReference(PriceService.class));
        long before = handedOverCount(); // what earlier tests of this class counted
        LongAdder answered = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> load = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            load.add(callers.submit(() -> {
                while (running.get()) {
                    try {
                        prices.quote("WIDGET", 10);
                        answered.increment();
                    } catch (RuntimeException e) {
                        failed.increment();
                    }
                    LockSupport.parkNanos(PACE); // the load's rate: 16 callers must leave the operator a core
                }
            }));
        }
        String fix = Container.fixPatch().getPath();
        try {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                assertEquals(FIXED, manager.apply(fix, "cycle " + cycle, "itest").to);
                assertEquals(ORIGINAL, manager.revert(SLOT, "cycle " + cycle, "itest").to);
            }
        } finally {
            running.set(false);
            callers.shutdown();
        }
        for (Future<?> caller : load) {
            caller.get(30, TimeUnit.SECONDS);
        }
        assertEquals("failed calls", 0, failed.sum());
        assertTrue("the load ran: " + answered.sum(), answered.sum() > CYCLES);
        assertEquals("quotes counted, against quotes answered", before + answered.sum(), handedOverCount());
    }

    @Test
    public void theDataAreaIsCarriedToThePatchAndWhatItWroteBackOnRevert() throws Exception {
        backToTheOriginal();
        Path original = area(ORIGINAL);
        Files.writeString(original.resolve("before.txt"), "written by 1.0.0");
        ChangeDTO applied = manager.apply(Container.fixPatch().getPath(), "data area", "itest");
        assertEquals(FIXED, applied.to);
        assertTrue(applied.message, applied.message.contains("(data area carried; state handed over: {quotes="));
        Path patch = area(FIXED);
        assertEquals("written by 1.0.0", Files.readString(patch.resolve("before.txt")));
        Files.writeString(patch.resolve("under-the-patch.txt"), "written by 1.0.1");
        assertEquals(ORIGINAL, manager.revert(SLOT, "data area", "itest").to);
        assertEquals("written by 1.0.1", Files.readString(original.resolve("under-the-patch.txt")));
        assertEquals("written by 1.0.0", Files.readString(original.resolve("before.txt")));
    }

    @Test
    public void aHandoffThatThrowsIsRefusedAndTheOriginalKeepsServingWithItsCount() throws Exception {
        backToTheOriginal();
        PriceService prices = context.getService(context.getServiceReference(PriceService.class));
        prices.quote("BOLT", 1);
        int entries = manager.history(SLOT).size();
        File otherFormat = otherStateFormat();
        try {
            manager.apply(otherFormat.getPath(), "state of format 2", "itest");
            fail("a patch that cannot read the state was applied");
        } catch (PatchException refused) {
            String sentence = refused.getMessage();
            assertTrue(sentence, sentence.startsWith("The apply of " + SLOT + " to " + FIXED + " was refused because"
                    + " its state handoff failed: java.lang.IllegalArgumentException: This version reads quote"
                    + " counts of format 2"));
            assertTrue(sentence, sentence.endsWith("; " + ORIGINAL + " keeps serving with its state."));
        }
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
        assertEquals("the ledger is unchanged", entries, manager.history(SLOT).size());
        assertEquals("com.example.pricing.impl 1.0.0", prices.quote("BOLT", 1).servedBy());
        for (Bundle bundle : context.getBundles()) {
            assertFalse("the refused patch was removed", FIXED.equals(bundle.getSymbolicName() + "/"
                    + bundle.getVersion()));
        }
    }

    /** The count the revert hands over, after an apply, both made with no call running: its sentence says it. */
    private long handedOverCount() {
        manager.apply(Container.fixPatch().getPath(), "read the count", "itest");
        String sentence = manager.revert(SLOT, "read the count", "itest").message;
        Matcher count = QUOTES.matcher(sentence);
        assertTrue(sentence, count.find());
        return Long.parseLong(count.group(1));
    }

    private Path area(String implementation) {
        for (Bundle bundle : context.getBundles()) {
            if ((bundle.getSymbolicName() + "/" + bundle.getVersion()).equals(implementation)) {
                return bundle.getBundleContext().getDataFile("").toPath();
            }
        }
        throw new AssertionError(implementation + " is not installed");
    }

    /** The fix, its component declaring state format 2, which it refuses to take format 1 from. */
    private static File otherStateFormat() throws Exception {
        File fix = Container.fixPatch();
        String entry = "OSGI-INF/com.example.pricing.impl.PriceServiceImpl.xml";
        String xml;
        try (ZipFile jar = new ZipFile(fix)) {
            xml = new String(jar.getInputStream(jar.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml, xml.contains("name=\"pricing.state.format\" type=\"String\" value=\"1\""));
        return Jars.withEntry(fix, entry, xml.replace("name=\"pricing.state.format\" type=\"String\" value=\"1\"",
                "name=\"pricing.state.format\" type=\"String\" value=\"2\"").getBytes(StandardCharsets.UTF_8));
    }

}
