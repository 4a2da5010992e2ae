package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.RetiredDTO;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * {@code patch:retired} after revert, uninstall and refresh: the example patch's class loader is collected; the
 * leaky fixture's is not, and the answer names what holds it (the framework until the refresh, then the thread
 * the fixture left parked in its code). Once the thread ends, it is collected too.
 */
public class RetiredIT extends ContainerTest {

    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final String WORKER = "leaky-fixture-worker";

    @Inject
    private PatchInspector inspector;

    @Inject
    private CommandProcessor processor;

    private Gosh shell;

    @Before
    public void startFromTheOriginal() throws Exception {
        Fixtures.removePatches(context);
        refresh(null);
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
        awaitService("(&(osgi.command.scope=patch)(osgi.command.function=retired))");
        awaitService("(osgi.converter.classes=io.patchbay.api.dto.RetiredDTO)");
        shell = new Gosh(processor);
    }

    @Test
    public void theExamplePatchIsCollectedAfterRevertUninstallAndRefresh() throws Exception {
        manager.apply(Container.fixPatch().getPath(), "retire test", "itest");
        Http http = new Http(context);
        assertTrue(http.get(QUOTE).body().contains("com.example.pricing.impl 1.0.1"));
        Bundle patch = bundle(FIXED);
        assertEquals(RetiredDTO.ACTIVE, of(inspector.retired(0), FIXED, patch.getBundleId()).state);
        manager.revert(SLOT, "retire test", "itest");
        assertTrue(http.get(QUOTE).body().contains("com.example.pricing.impl 1.0.0"));
        assertEquals(RetiredDTO.INSTALLED, of(inspector.retired(0), FIXED, patch.getBundleId()).state);
        long id = patch.getBundleId();
        patch.uninstall();
        refresh(patch);
        patch = null;
        String out = shell.type("patch:retired -w 20");
        assertTrue(out, Pattern.compile("^" + Pattern.quote(FIXED + "  bundle " + id + "  collected") + "\n"
                + "  Fully retired: its class loader was collected\\.$", Pattern.MULTILINE).matcher(out).find());
        assertTrue(out, out.contains(ORIGINAL + "  bundle "));
        assertTrue(out, Pattern.compile("^" + Pattern.quote(ORIGINAL) + "  bundle \\d+  active$", Pattern.MULTILINE)
                .matcher(out).find());
    }

    @Test
    public void aThreadLeftInsideThePatchIsNamedAsWhatHoldsIt() throws Exception {
        manager.apply(Container.fixture("leaky").getPath(), "leak test", "itest");
        Bundle leaky = context.getBundles()[0];
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().equals("io.patchbay.fixture.leaky")) {
                leaky = bundle;
            }
        }
        String leakyId = manager.slot(SLOT).active.id;
        assertTrue(leakyId, leakyId.startsWith("io.patchbay.fixture.leaky/"));
        long id = leaky.getBundleId();
        manager.revert(SLOT, "leak test", "itest");
        leaky.uninstall();
        try {
            RetiredDTO pending = of(inspector.retired(500), leakyId, id);
            assertEquals(RetiredDTO.HELD, pending.state);
            // Felix disposes of an uninstalled bundle nobody is wired to at once, Equinox keeps it until a refresh
            boolean removalPending = context.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles()
                    .stream().anyMatch(b -> b.getBundleId() == id);
            assertEquals(pending.holders.toString(), removalPending, pending.holders.contains("The framework still"
                    + " has it: bundle " + id + " is removal pending until a refresh (FrameworkWiring.refreshBundles)."));
            refresh(leaky);
            leaky = null;
            RetiredDTO held = of(inspector.retired(3000), leakyId, id);
            assertEquals(held.toString(), RetiredDTO.HELD, held.state);
            assertTrue(held.holders.toString(), held.holders.stream().noneMatch(h -> h.contains("removal pending")));
            assertTrue(held.holders.toString(), held.holders.stream().anyMatch(h -> h.startsWith("Thread '" + WORKER
                    + "' (WAITING) is inside its code: at io.patchbay.fixture.leaky.ParkedWorker.run(")));
            String out = shell.type("patch:retired -w 1").replaceAll("\\s+", " ");
            assertTrue(out, out.contains(leakyId + " bundle " + id + " held Not collected: its class loader is"
                    + " still reachable through "));
            assertTrue(out, out.contains("- Thread '" + WORKER + "' (WAITING) is inside its code: at"
                    + " io.patchbay.fixture.leaky.ParkedWorker.run("));
        } finally {
            stopWorker();
        }
        assertEquals("the thread was the holder: without it the loader goes", RetiredDTO.COLLECTED,
                of(inspector.retired(20_000), leakyId, id).state);
    }

    private static RetiredDTO of(List<RetiredDTO> report, String implementation, long bundleId) {
        return report.stream().filter(r -> r.implementation.equals(implementation) && r.bundleId == bundleId)
                .findFirst().orElseThrow(() -> new AssertionError(implementation + " not in " + report));
    }

    private Bundle bundle(String id) {
        for (Bundle bundle : context.getBundles()) {
            if (id.equals(bundle.getSymbolicName() + "/" + bundle.getVersion())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + id);
    }

    private static void stopWorker() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(WORKER)) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }

    /** Refreshes {@code bundle} (or every removal-pending bundle) and waits for the framework to say it is done. */
    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundle == null ? null : List.of(bundle),
                event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                        done.countDown();
                    }
                });
        assertTrue("refreshed within 30 s", done.await(30, TimeUnit.SECONDS));
    }

}
