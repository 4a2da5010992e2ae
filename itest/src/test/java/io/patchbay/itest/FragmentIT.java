package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.fixture.consumers.PriceCaller;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.ProbeBuilder;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWiring;

/** Fragment patches: one class replaced inside the running host, calls damped while only the host refreshes. */
public class FragmentIT extends ContainerTest {

    private static final String FRAGMENT = "com.example.pricing.impl.fragment/1.0.1";
    private static final String PATCHED = ORIGINAL + "+" + FRAGMENT;
    private static final String SERVED_PATCHED = "com.example.pricing.impl 1.0.0 + com.example.pricing.impl.fragment 1.0.1";
    private static final int CYCLES = 20;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        if (!ORIGINAL.equals(manager.slot(SLOT).active.id)) {
            manager.revert(SLOT, "test setup", "itest");
        }
        backToTheOriginal();
    }

    @Test
    public void applyAndRevertUnderLoadLoseNoCallAndRefreshOnlyTheHost() throws Exception {
        Map<String, PriceCaller> callers = Callers.all(context);
        Set<String> disturbed = ConcurrentHashMap.newKeySet();
        SynchronousBundleListener recorder = event -> {
            if (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED) {
                disturbed.add(event.getBundle().getSymbolicName());
            }
        };
        context.addBundleListener(recorder);
        LoadRun load = new LoadRun(callers, 8, "com.example.pricing.impl 1.0.0");
        try (load) {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                load.switching();
                ChangeDTO applied = manager.apply(Container.fragmentPatch().getPath(), "cycle " + cycle, "itest");
                assertEquals(ORIGINAL, applied.from);
                assertEquals(PATCHED, applied.to);
                load.switched(SERVED_PATCHED);
                assertEquals("90.00", callers.get("ds-static").call("WIDGET", 10).total().toPlainString());

                load.switching();
                ChangeDTO reverted = manager.revert(SLOT, "cycle " + cycle, "itest");
                assertEquals(PATCHED, reverted.from);
                assertEquals(ORIGINAL, reverted.to);
                load.switched("com.example.pricing.impl 1.0.0");
                assertEquals("81.00", callers.get("plain").call("WIDGET", 10).total().toPlainString());
            }
        } finally {
            context.removeBundleListener(recorder);
        }
        assertEquals("failed calls " + load.examples(), 0, load.failures());
        assertEquals("stale answers " + load.examples(), 0, load.stale());
        assertTrue(load.calls() > 0);
        assertEquals("only the host (and the fragment itself) were stopped or unresolved",
                Set.of("com.example.pricing.impl", "com.example.pricing.impl.fragment"), disturbed);
        for (Map.Entry<String, PriceCaller> caller : callers.entrySet()) {
            assertEquals(caller.getKey() + " activations", 1, caller.getValue().activations());
        }
        assertEquals("revert", manager.history(SLOT).get(0).action);
        assertFalse(manager.status("com.example.pricing.impl.fragment").installed);
    }

    @Test
    public void statusNamesWhereAFragmentPatchIsApplied() {
        manager.apply(Container.fragmentPatch().getPath(), null, "itest");
        assertTrue(manager.status(FRAGMENT).applied);
        assertEquals(List.of(SLOT), manager.status(FRAGMENT).slots);
        assertFalse(manager.apply(Container.fragmentPatch().getPath(), null, "itest").changed);
    }

    @Test
    public void aFragmentForAMissingHostIsRefused() throws Exception {
        File jar = Fixtures.jar("orphan", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "orphan",
                "Fragment-Host", "no.such.host", "Patchbay-Patch", "com.example.pricing.api.PriceService;version=\"[1.0,2)\""));
        assertRefusedAndUnchanged(jar, jar.getPath() + " is a fragment of no.such.host, but no such bundle is installed.");
    }

    @Test
    public void aFragmentThatCannotAttachIsRefusedAndTheHostServesAsBefore() throws Exception {
        File jar = Fixtures.jar("unattachable", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName",
                "unattachable", "Fragment-Host", "com.example.pricing.impl", "Import-Package", "com.nowhere.missing",
                "Patchbay-Patch", "com.example.pricing.api.PriceService;version=\"[1.0,2)\""));
        assertRefusedAndUnchanged(jar, jar.getPath() + " did not attach to " + ORIGINAL
                + "; check its Fragment-Host header and its imports against the host's.");
        assertEquals("81.00", Callers.all(context).get("tracker").call("WIDGET", 10).total().toPlainString());
    }

    /**
     * The fragment attaches, and its class breaks the host: the host's component cannot be created, so apply fails
     * after the refresh. The uninstalled fragment would stay attached (its classes first on the host's class path)
     * until the host is refreshed again: apply does that, and the host serves its own classes as before.
     */
    @Test
    public void aFragmentThatBreaksItsHostIsRemovedAndTheHostRefreshedWithoutIt() throws Exception {
        File manifest = Fixtures.jar("breaking", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName",
                "breaking.fragment", "Bundle-Version", "1.0.1", "Fragment-Host", "com.example.pricing.impl",
                "Patchbay-Patch", "com.example.pricing.api.PriceService;version=\"[1.0,2)\""));
        File jar = Jars.withEntry(manifest, "patch/com/example/pricing/impl/PriceServiceImpl.class",
                "not a class file".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefusedAndUnchanged(jar, jar.getPath() + " attached to its host com.example.pricing.impl but its"
                + " service could not be created: its component failed to activate; " + ORIGINAL
                + " was refreshed without it and serves as before.");
        org.osgi.framework.Bundle host = Stream.of(context.getBundles())
                .filter(b -> ORIGINAL.equals(b.getSymbolicName() + "/" + b.getVersion())).findFirst().get();
        assertEquals("no fragment left on the host", List.of(), host.adapt(BundleWiring.class)
                .getProvidedWires(HostNamespace.HOST_NAMESPACE));
        PriceCaller caller = Callers.all(context).get("tracker");
        assertEquals("com.example.pricing.impl 1.0.0", caller.call("WIDGET", 10).servedBy());
        assertEquals("81.00", caller.call("WIDGET", 10).total().toPlainString());
    }

    private void assertRefusedAndUnchanged(File jar, String message) {
        List<String> bundles = Fixtures.bundles(context);
        List<String> routes = Fixtures.routes(manager);
        int ledger = manager.history(null).size();
        PatchException refused = assertThrows(PatchException.class,
                () -> manager.apply(jar.getPath(), null, "itest"));
        assertEquals(message, refused.getMessage());
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(routes, Fixtures.routes(manager));
        assertEquals(ledger, manager.history(null).size());
    }
}
