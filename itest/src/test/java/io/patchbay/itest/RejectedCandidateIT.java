package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.example.pricing.api.PriceService;
import io.patchbay.api.PatchException;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Rough edges a new user hits, in a real Felix with the real Gogo shell and console: a candidate the canary judge
 * threw out is shown as rejected with the verdict and never suggested for activation; a jar of another API
 * version applied to a named slot is refused with that sentence and changes nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RejectedCandidateIT {

    private static final String BROKEN = "com.example.pricing.impl/1.0.2";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Inject
    private PatchManager manager;

    @Inject
    private CommandProcessor processor;

    private Gosh shell;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Configuration
    public Option[] config() {
        return new Option[] { Container.options(Container.freePort()) };
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        Fixtures.removePatches(context);
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
        shell = new Gosh(processor);
    }

    @After
    public void endCanaries() throws Exception {
        for (CanaryDTO canary : manager.canaries()) {
            manager.revert(canary.slot, "test over", "itest");
        }
        Fixtures.removePatches(context);
    }

    @Test
    public void aCandidateTheJudgeRevertedIsShownRejectedWithTheVerdictAndNeverSuggested() throws Exception {
        CanarySpecDTO spec = new CanarySpecDTO();
        spec.steps = new double[] { 50 };
        spec.minStepMillis = 600_000L; // only a hard guard decides: the candidate's new exception, or its failures
        CompletableFuture<String> reverted = autoRevert();
        manager.canary(null, System.getProperty("patchbay.patch.broken"), spec, "PRICING-57", "itest");
        PriceService prices = context.getService(context.getServiceReference(PriceService.class));
        Deadline deadline = new Deadline(WAIT);
        for (int quantity = 1; !reverted.isDone(); quantity++) {
            assertFalse("the judge decided nothing within " + WAIT, deadline.passed());
            try {
                prices.quote("WIDGET", 20 * quantity); // 1.0.2 throws for multiples of 20 units
            } catch (ArithmeticException fromTheCandidate) {
                // what the judge counts
            }
        }
        LedgerEntryDTO verdict = manager.history(SLOT).get(0);
        assertEquals("auto-revert " + BROKEN, verdict.action + " " + verdict.from);

        ImplementationDTO broken = standby(BROKEN);
        assertEquals("rejected", broken.state);
        assertEquals("judge: " + verdict.reason, broken.rejection);
        assertTrue("no warning names it: " + manager.status().warnings,
                manager.status().warnings.stream().noneMatch(w -> w.contains(BROKEN)));
        assertFalse(shell.type("patch:status"), shell.type("patch:status").contains("activate it"));
        String list = shell.type("patch:list");
        assertTrue(list, list.contains("rejected " + BROKEN));
        assertTrue(list, list.contains("rejected by judge: hard guard: "));
        assertTrue(shell.type("patch:info 1"), shell.type("patch:info 1").contains("rejected by judge: hard guard"));
        String json = new Http(context).get("/system/console/patches.json", "admin", Container.CONSOLE_PASSWORD)
                .body();
        assertTrue(json, json.contains("\"state\":\"rejected\""));
        assertTrue(json, json.contains("\"rejection\":\"judge: hard guard: "));

        manager.activate(SLOT, BROKEN, "I know what I do", "itest"); // an operator may overrule the verdict
        assertEquals(BROKEN, manager.slot(SLOT).active.id);
        assertNull(manager.slot(SLOT).active.rejection);
        manager.revert(SLOT, "enough", "itest");
        assertEquals("standby", standby(BROKEN).state);
    }

    @Test
    public void aJarOfAnotherApiVersionForANamedSlotIsRefusedWithThatSentenceAndChangesNothing() throws Exception {
        String v2 = new File(System.getProperty("patchbay.bundles"), "com.example.pricing.impl.v2.jar").getPath();
        String sentence = "com.example.pricing.impl.v2.jar (com.example.pricing.impl.v2/2.0.0) implements "
                + "com.example.pricing.api.PriceService of API [2.0,2.1), not API 1.0.0 of " + SLOT
                + "; name a slot of that API version, or leave the slot out so that its header decides.";
        List<String> bundles = bundles();
        int ledger = manager.history(null).size();

        String typed = shell.type("patch:apply --slot 1 " + v2);
        assertEquals("gogo: PatchException: " + v2 + sentence.substring(sentence.indexOf(" (")), typed);
        assertEquals(sentence.replace("com.example.pricing.impl.v2.jar", v2),
                assertThrows(PatchException.class, () -> manager.applyTo("1", v2, null, "itest")).getMessage());
        String patch = System.getProperty("patchbay.fixture.v2patch");
        assertTrue(assertThrows(PatchException.class, () -> manager.applyTo(SLOT, patch, null, "itest"))
                .getMessage().contains(" of API [2.0,2.1), not API 1.0.0 of " + SLOT));
        assertTrue(shell.type("patch:check --slot 1 " + v2), shell.type("patch:check --slot 1 " + v2)
                .contains("not API 1.0.0 of " + SLOT));

        assertEquals(bundles, bundles());
        assertEquals(ledger, manager.history(null).size());
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
    }

    private ImplementationDTO standby(String id) {
        return manager.slot(SLOT).standby.stream().filter(i -> i.id.equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not a standby of " + SLOT));
    }

    private List<String> bundles() {
        return Arrays.stream(context.getBundles()).map(b -> b.getBundleId() + " " + b.getSymbolicName() + " "
                + b.getVersion() + " " + b.getState()).filter(b -> !b.endsWith(" " + Bundle.UNINSTALLED)).toList();
    }

    /** The judge's auto-revert event (EventAdmin delivers it on its own thread). */
    private CompletableFuture<String> autoRevert() {
        CompletableFuture<String> seen = new CompletableFuture<>();
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class,
                event -> seen.complete(String.valueOf(event.getProperty("reason"))),
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, "io/patchbay/route/AUTO_REVERT")));
        seen.whenComplete((reason, failure) -> handler.unregister());
        return seen;
    }
}
