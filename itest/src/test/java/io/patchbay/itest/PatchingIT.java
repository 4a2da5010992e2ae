package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.example.pricing.api.Quote;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.SlotDTO;
import io.patchbay.fixture.consumers.PriceCaller;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Apply and revert in a real Felix, seen by the four kinds of consumer. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PatchingIT {

    @Inject
    private BundleContext context;

    @Inject
    private PatchManager manager;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Configuration
    public Option[] config() {
        return new Option[] { Container.withConsumers(Container.freePort()) };
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        Fixtures.removePatches(context);
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
    }

    @Test
    public void everyKindOfConsumerFollowsApplyAndRevertWithoutRestart() throws Exception {
        Map<String, PriceCaller> callers = Callers.all(context);
        assertServed(callers, "com.example.pricing.impl 1.0.0", "81.00");

        ChangeDTO applied = manager.apply(Container.fixPatch().getPath(), "PRICING-42", "itest");
        assertTrue(applied.changed);
        assertEquals(ORIGINAL, applied.from);
        assertEquals(FIXED, applied.to);
        assertTrue(applied.drained);
        assertServed(callers, "com.example.pricing.impl 1.0.1", "90.00");

        ChangeDTO reverted = manager.revert("PriceService@1.0.0", "back out", "itest");
        assertEquals(FIXED, reverted.from);
        assertEquals(ORIGINAL, reverted.to);
        assertServed(callers, "com.example.pricing.impl 1.0.0", "81.00");

        for (Map.Entry<String, PriceCaller> caller : callers.entrySet()) {
            assertEquals(caller.getKey() + " activations", 1, caller.getValue().activations());
            assertEquals(caller.getKey() + " injections", 1, caller.getValue().injections());
        }
        SlotDTO slot = manager.slot(SLOT);
        assertEquals(List.of(FIXED), slot.standby.stream().map(i -> i.id).toList());
        assertTrue("consumers bundle listed",
                slot.consumers.stream().anyMatch(c -> c.bundleSymbolicName.equals("io.patchbay.fixture.consumers")));
    }

    @Test
    public void applyingFromAStreamRecordsChecksumActorAndReason() throws Exception {
        try (InputStream upload = new FileInputStream(Container.fixPatch())) {
            manager.apply(upload, "upload.jar", null, "alice");
        }
        LedgerEntryDTO newest = manager.history(SLOT).get(0);
        assertEquals("apply", newest.action);
        assertEquals("alice", newest.actor);
        assertEquals(ORIGINAL, newest.from);
        assertEquals(FIXED, newest.to);
        assertTrue("reason from the Patchbay-Reason header", newest.reason.startsWith("Bulk discount was taken twice"));
        assertEquals(64, newest.checksum.length());
        assertTrue(manager.status("com.example.pricing.impl/1.0.1").applied);
        assertEquals(List.of(SLOT), manager.status(FIXED).slots);
    }

    @Test
    public void applyingTwiceAndRevertingNothingAreNoOps() {
        ChangeDTO nothing = manager.revert(SLOT, null, "itest");
        assertFalse(nothing.changed);
        assertEquals("Nothing to revert: " + SLOT + " has no earlier implementation.", nothing.message);

        manager.apply(Container.fixPatch().getPath(), null, "itest");
        List<String> bundles = Fixtures.bundles(context);
        ChangeDTO again = manager.apply(Container.fixPatch().getPath(), null, "itest");
        assertFalse(again.changed);
        assertEquals(FIXED + " is already applied to " + SLOT + "; nothing changed.", again.message);
        assertEquals(bundles, Fixtures.bundles(context));
    }

    @Test
    public void aPatchStartedFromTheShellIsRecognisedAndItsUninstallFallsBack() throws Exception {
        Bundle patch = context.installBundle(Container.fixPatch().toURI().toString());
        patch.start(); // the route's owner switches to it, after the registration's callback returned
        LedgerEntryDTO entry = newestEntry("apply");
        assertEquals("framework", entry.actor);
        assertEquals(FIXED, manager.slot(SLOT).active.id);

        patch.uninstall();
        assertEquals("calls fall back at once", ORIGINAL, manager.slot(SLOT).active.id);
        assertEquals("and the owner records it", "fallback", newestEntry("fallback").action);
    }

    /** The slot's newest ledger entry once it is {@code action}, which the route's owner writes shortly. */
    private LedgerEntryDTO newestEntry(String action) {
        Deadline deadline = new Deadline(java.time.Duration.ofSeconds(10));
        for (;;) {
            List<LedgerEntryDTO> history = manager.history(SLOT);
            if (!history.isEmpty() && action.equals(history.get(0).action) || deadline.passed()) {
                return history.get(0);
            }
            deadline.pause();
        }
    }

    @Test
    public void activatingAStandbyAndStatus() {
        manager.apply(Container.fixPatch().getPath(), null, "itest");
        manager.revert(SLOT, null, "itest");
        assertFalse(manager.status("com.example.pricing.impl/1.0.1").applied);
        assertTrue(manager.status("com.example.pricing.impl/1.0.1").installed);
        ChangeDTO activated = manager.activate(String.valueOf(manager.slot(SLOT).number), FIXED, "try it again", "itest");
        assertEquals(FIXED, activated.to);
        assertEquals("activate", manager.history(null).get(0).action);
        assertNull(manager.slot(SLOT).standby.stream().filter(i -> i.id.equals(FIXED)).findAny().orElse(null));
    }

    private static void assertServed(Map<String, PriceCaller> callers, String servedBy, String total) {
        for (Map.Entry<String, PriceCaller> caller : callers.entrySet()) {
            Quote quote = caller.getValue().call("WIDGET", 10);
            assertEquals(caller.getKey() + " served by", servedBy, quote.servedBy());
            assertEquals(caller.getKey() + " total", total, quote.total().toPlainString());
        }
    }
}
