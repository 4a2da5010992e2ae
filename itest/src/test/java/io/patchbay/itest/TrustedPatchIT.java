package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.CheckDTO;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Trusted mode (trust.store set): the signed fix is applied and its signer recorded; the same fix unsigned, or
 * changed after signing, is refused.
 */
public class TrustedPatchIT extends ContainerTest {

    @Inject
    private PatchInspector inspector;

    private static Signer signer() {
        return new Signer(Path.of(System.getProperty("patchbay.build"), "trusted-it"));
    }

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Override
    protected List<Option> extras() throws Exception {
        return List.of(frameworkProperty("patchbay.trust.store").value(signer().trustStore().toString()),
                frameworkProperty("patchbay.trust.store.password").value(Signer.PASSWORD));
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
    }

    @Test
    public void theUnsignedFixIsRefused() {
        List<String> bundles = Fixtures.bundles(context);
        List<String> routes = Fixtures.routes(manager);
        int ledger = manager.history(null).size();
        String path = Container.fixPatch().getPath();
        PatchException refused = assertThrows(PatchException.class, () -> manager.apply(path, null, "itest"));
        assertEquals(path + " is not signed; only patches signed by a certificate of the trust store (trust.store)"
                + " are applied.", refused.getMessage());
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(routes, Fixtures.routes(manager));
        assertEquals(ledger, manager.history(null).size());
    }

    @Test
    public void theSignedFixIsApplied() throws Exception {
        File signed = signer().sign(Container.fixPatch());
        ChangeDTO applied = manager.apply(signed.getPath(), null, "itest");
        assertEquals(FIXED, applied.to);
        assertEquals(FIXED, manager.slot(SLOT).active.id);
        assertEquals(Jars.sha256(signed), manager.history(SLOT).get(0).checksum);
        assertEquals("the ledger records the signer", Signer.SUBJECT, manager.history(SLOT).get(0).signer);
        assertTrue(manager.status().verifying);
        assertEquals("Patches are verified: only jars wholly signed by a certificate of the trust store "
                + signer().trustStore() + " (trust.store) are applied.", manager.status().verification);

        Map<String, Object> state = Json.object(new Http(context).get("/system/console/patches.json", "admin",
                Container.CONSOLE_PASSWORD).body());
        Map<?, ?> newest = (Map<?, ?>) ((List<?>) state.get("ledger")).get(0);
        assertEquals("the console shows the signer", Signer.SUBJECT, newest.get("signer"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) state.get("status")).get("verifying"));
    }

    /** The dry run verifies as apply does: the signer of the signed fix, apply's sentence for the others. */
    @Test
    public void aCheckNamesTheSignerAndRefusesWhatApplyRefuses() throws Exception {
        File signed = signer().sign(Container.fixPatch());
        CheckDTO check = inspector.check(signed.getPath(), null);
        assertTrue(check.verifying);
        assertEquals(Signer.SUBJECT, check.signer);
        assertEquals(Jars.sha256(signed), check.checksum);
        List<String> bundles = Fixtures.bundles(context);
        String entry = "com/example/pricing/impl/BulkDiscount.class";
        File tampered = Jars.withEntry(signed, entry, new byte[] { 0x0c, 0x0f, 0x0f });
        for (File jar : List.of(Container.fixPatch(), tampered)) {
            PatchException checked = assertThrows(PatchException.class, () -> inspector.check(jar.getPath(), null));
            PatchException applied = assertThrows(PatchException.class, () -> manager.apply(jar.getPath(), null,
                    "itest"));
            assertEquals(applied.getMessage(), checked.getMessage());
        }
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
    }

    @Test
    public void aSignedFixChangedAfterSigningIsRefused() throws Exception {
        String entry = "com/example/pricing/impl/BulkDiscount.class";
        File tampered = Jars.withEntry(signer().sign(Container.fixPatch()), entry, new byte[] { 0x0c, 0x0f, 0x0f });
        List<String> bundles = Fixtures.bundles(context);
        List<String> routes = Fixtures.routes(manager);
        int ledger = manager.history(null).size();
        PatchException refused = assertThrows(PatchException.class,
                () -> manager.apply(tampered.getPath(), null, "itest"));
        assertEquals(tampered.getPath() + " was changed after it was signed: " + entry
                + " does not match its signed digest.", refused.getMessage());
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(routes, Fixtures.routes(manager));
        assertEquals(ledger, manager.history(null).size());
    }
}
