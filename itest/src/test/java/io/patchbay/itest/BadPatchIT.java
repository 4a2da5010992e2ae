package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Every kind of bad patch: one clear sentence, and bundles, routes and ledger exactly as before. The full list of
 * bad inputs, with the other tests that cover them, is in docs/patches.md.
 */
public class BadPatchIT extends ContainerTest {

    private static final Map<String, String> PATCH_FOR_PRICES = Map.of(
            "Bundle-ManifestVersion", "2",
            "Bundle-SymbolicName", "bad.patch",
            "Bundle-Version", "1.0.0",
            "Patchbay-Patch", "com.example.pricing.api.PriceService;version=\"[1.0,2)\"");
    private static final String V2 = "com.example.pricing.impl.v2/2.0.0";
    private static final String V2_PATCH = "com.example.pricing.impl.v2/2.0.1";

    private List<String> bundles;
    private List<String> routes;
    private int ledger;

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Before
    public void snapshot() throws Exception {
        backToTheOriginal();
        bundles = Fixtures.bundles(context);
        routes = Fixtures.routes(manager);
        ledger = manager.history(null).size();
    }

    @Test
    public void missingFile() {
        refused("/no/such/patch.jar", "There is no file /no/such/patch.jar.");
    }

    @Test
    public void notAJar() throws Exception {
        File text = Fixtures.text("notes", "not a jar at all");
        refused(text.getPath(), text.getPath() + " is not a jar file.");
    }

    @Test
    public void emptyFile() throws Exception {
        File empty = Fixtures.text("empty", "");
        refused(empty.getPath(), empty.getPath() + " is empty.");
    }

    @Test
    public void notABundle() throws Exception {
        File jar = Fixtures.jar("plain", Map.of("Created-By", "hand"));
        refused(jar.getPath(), jar.getPath() + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName.");
    }

    @Test
    public void notAPatch() throws Exception {
        File jar = Fixtures.jar("bundle", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "just.a.bundle"));
        refused(jar.getPath(), jar.getPath() + " (just.a.bundle) is not a patch: its manifest has no Patchbay-Patch header.");
    }

    @Test
    public void targetsNoKnownSlot() throws Exception {
        File jar = Fixtures.jar("elsewhere", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "elsewhere",
                "Patchbay-Patch", "com.example.pricing.api.PriceService;version=\"[3.0,4)\""));
        refused(jar.getPath(), jar.getPath() + " targets no known slot: it asks for "
                + "com.example.pricing.api.PriceService version [3.0.0,4.0.0) and the slots are " + SLOT + ", "
                + Fixtures.SLOT_V2 + ".");
    }

    @Test
    public void doesNotResolve() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(PATCH_FOR_PRICES);
        headers.put("Import-Package", "com.nowhere.missing;version=\"[1,2)\"");
        File jar = Fixtures.jar("unresolved", headers);
        PatchException refused = refused(jar.getPath(), null);
        assertTrue(refused.getMessage(), refused.getMessage().startsWith(jar.getPath() + " does not resolve: missing requirement"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("com.nowhere.missing"));
    }

    @Test
    public void activatorThrows() {
        String path = Container.fixture("throwing").getPath();
        PatchException refused = refused(path, null);
        assertTrue(refused.getMessage(), refused.getMessage().startsWith(path + " failed to start: its activator threw"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("fixture activator refuses to start"));
    }

    @Test
    public void componentThrows() {
        String path = Container.fixture("failing").getPath();
        refused(path, path + " started but its service could not be created: its component failed to activate.");
    }

    @Test
    public void registersNothingWithinTheTimeout() throws Exception {
        File jar = Fixtures.jar("silent", PATCH_FOR_PRICES);
        refused(jar.getPath(), jar.getPath() + " started but registered no implementation of " + SLOT
                + " within 3000 ms.");
    }

    @Test
    public void unknownSlotForRevert() {
        PatchException refused = assertThrows(PatchException.class, () -> manager.revert("NoSuchService", null, "t"));
        assertEquals("No slot matches 'NoSuchService'; the slots are: " + SLOT + ", " + Fixtures.SLOT_V2 + ".",
                refused.getMessage());
        assertUnchanged();
    }

    /**
     * A slot outlives its registrations, so a patch for a slot whose service is away is no bad patch: the v2
     * component is disabled on the applying thread after the target was chosen (its service unregistered, its bundle
     * still active). The slot waits for it and the patch is applied to it; the component that comes back is a
     * standby, and a revert goes back to it.
     */
    @Test
    public void aPatchForASlotWhoseServiceIsAwayIsAppliedAndTheServiceComesBackAsItsStandby() throws Exception {
        ServiceComponentRuntime scr = context.getService(context.getServiceReference(ServiceComponentRuntime.class));
        ComponentDescriptionDTO component = scr.getComponentDescriptionDTOs(bundle(V2))
                .iterator().next();
        String path = Container.fixture("v2patch").getPath();
        AtomicReference<String> failed = new AtomicReference<>();
        SynchronousBundleListener goingAway = event -> {
            if (event.getType() == BundleEvent.INSTALLED && V2_PATCH.equals(
                    event.getBundle().getSymbolicName() + "/" + event.getBundle().getVersion())) {
                scr.disableComponent(component); // on the applying thread, after the target was chosen
                failed.set(awaitSlot(false));
            }
        };
        context.addBundleListener(goingAway);
        ChangeDTO applied;
        try {
            applied = manager.apply(path, null, "itest");
        } finally {
            context.removeBundleListener(goingAway);
            scr.enableComponent(component);
        }
        assertNull(failed.get());
        assertTrue(applied.message, applied.changed);
        assertEquals(V2_PATCH, manager.slot(Fixtures.SLOT_V2).active.id);
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        while (manager.slot(Fixtures.SLOT_V2).standby.stream().noneMatch(s -> s.id.equals(V2))) {
            assertFalse("the re-enabled component did not come back as a standby within 20 s", deadline.passed());
            deadline.pause();
        }
        assertEquals(V2_PATCH, manager.slot(Fixtures.SLOT_V2).active.id);
        assertEquals(V2, manager.revert(Fixtures.SLOT_V2, null, "itest").to);
    }

    /**
     * Two operators apply the fix at the same moment: the second one's apply starts while the first holds the
     * operation (from inside the first one's install). One applies; the other is told, in one sentence, that it is
     * already applied. One bundle, one ledger entry, nothing else installed.
     */
    @Test
    public void twoOperatorsApplyingTheSamePatchAtOnce() throws Exception {
        String path = Container.fixPatch().getPath();
        CompletableFuture<ChangeDTO> bob = new CompletableFuture<>();
        AtomicReference<Thread> bobs = new AtomicReference<>();
        SynchronousBundleListener meanwhile = event -> {
            if (event.getType() == BundleEvent.INSTALLED && FIXED.equals(event.getBundle().getSymbolicName() + "/"
                    + event.getBundle().getVersion()) && bobs.get() == null) {
                Thread second = new Thread(() -> {
                    try {
                        bob.complete(manager.apply(path, null, "bob"));
                    } catch (RuntimeException e) {
                        bob.completeExceptionally(e);
                    }
                }, "bob");
                bobs.set(second);
                second.start();
                // alice holds the operation until this listener returns: let bob get as far as waiting for it
                Deadline deadline = new Deadline(Duration.ofSeconds(20));
                while (second.getState() != Thread.State.TIMED_WAITING && !bob.isDone() && !deadline.passed()) {
                    deadline.pause();
                }
            }
        };
        context.addBundleListener(meanwhile);
        ChangeDTO alice;
        try {
            alice = manager.apply(path, null, "alice");
        } finally {
            context.removeBundleListener(meanwhile);
        }
        ChangeDTO answer = bob.get(30, TimeUnit.SECONDS);
        assertTrue("alice's apply changed the route", alice.changed);
        assertEquals(FIXED, alice.to);
        assertFalse("bob's did not", answer.changed);
        assertEquals(FIXED + " is already applied to " + SLOT + "; nothing changed.", answer.message);
        List<LedgerEntryDTO> added = manager.history(null).subList(0, manager.history(null).size() - ledger);
        assertEquals("one apply in the ledger", List.of("apply by alice"),
                added.stream().map(e -> e.action + " by " + e.actor).toList());
        List<String> now = Fixtures.bundles(context);
        assertEquals("one bundle more, the fix, started", bundles.size() + 1, now.size());
        assertTrue(now.toString(), now.containsAll(bundles));
        assertEquals(Bundle.ACTIVE, bundle(FIXED).getState());
        assertEquals(FIXED, manager.slot(SLOT).active.id);
    }

    /** Null once the v2 slot is listed ({@code present}) with an implementation, or gone; else what is wrong. */
    private String awaitSlot(boolean present) {
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        while (manager.slots().stream().anyMatch(s -> s.id.equals(Fixtures.SLOT_V2) && s.active != null) != present) {
            if (deadline.passed()) {
                return "the v2 slot was " + (present ? "not back" : "still there") + " after 20 s";
            }
            deadline.pause();
        }
        return null;
    }

    private Bundle bundle(String id) {
        return Stream.of(context.getBundles()).filter(b -> id.equals(b.getSymbolicName() + "/" + b.getVersion()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle " + id));
    }

    private PatchException refused(String location, String message) {
        PatchException refused = assertThrows(PatchException.class, () -> manager.apply(location, null, "itest"));
        if (message != null) {
            assertEquals(message, refused.getMessage());
        }
        assertUnchanged();
        return refused;
    }

    private void assertUnchanged() {
        assertEquals("bundles", bundles, Fixtures.bundles(context));
        assertEquals("routes", routes, Fixtures.routes(manager));
        List<LedgerEntryDTO> history = manager.history(null);
        assertEquals("ledger: " + history.stream().skip(ledger).map(e -> e.action + " by " + e.actor + " of " + e.slot
                + " " + e.from + " -> " + e.to + ": " + e.reason).collect(Collectors.toList()), ledger, history.size());
    }
}
