package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchManager;
import java.io.File;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** Every kind of bad patch: one clear sentence, and bundles, routes and ledger exactly as before. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadPatchIT {

    private static final Map<String, String> PATCH_FOR_PRICES = Map.of(
            "Bundle-ManifestVersion", "2",
            "Bundle-SymbolicName", "bad.patch",
            "Bundle-Version", "1.0.0",
            "Patchbay-Patch", "com.example.pricing.api.PriceService;version=\"[1.0,2)\"");

    @Inject
    private BundleContext context;

    @Inject
    private PatchManager manager;

    private List<String> bundles;
    private List<String> routes;
    private int ledger;

    @Configuration
    public Option[] config() {
        return new Option[] { Container.withConsumers(Container.freePort()) };
    }

    @Before
    public void snapshot() throws Exception {
        Fixtures.removePatches(context);
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
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
        assertEquals("ledger", ledger, manager.history(null).size());
    }
}
