package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ChangeDTO;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
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

/** Trusted mode (trust.store set): the signed fix is applied, the same fix unsigned is refused. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrustedPatchIT {

    @Inject
    private BundleContext context;

    @Inject
    private PatchManager manager;

    private static Signer signer() {
        return new Signer(Path.of(System.getProperty("patchbay.build"), "trusted-it"));
    }

    @Configuration
    public Option[] config() throws Exception {
        return new Option[] { Container.withConsumers(Container.freePort()),
                frameworkProperty("patchbay.trust.store").value(signer().trustStore().toString()),
                frameworkProperty("patchbay.trust.store.password").value(Signer.PASSWORD) };
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        Fixtures.removePatches(context);
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
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
    }
}
