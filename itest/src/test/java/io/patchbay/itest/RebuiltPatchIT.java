package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * Same symbolic name and version, other bytes: refused with a way to ship it; the same bytes again bring the
 * installed standby back, and the ledger names the checksum of the bytes that were installed.
 */
public class RebuiltPatchIT extends ContainerTest {

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
    }

    @Test
    public void aRebuiltJarWithTheSameVersionIsRefusedActiveOrStandby() throws Exception {
        File fix = Container.fixPatch();
        File rebuilt = Jars.rebuilt(fix, "rebuilt.txt", "other bytes, same manifest");
        String sentence = FIXED + " is already installed with other content (sha256 " + Jars.sha256(fix).substring(0, 12)
                + "… installed, " + Jars.sha256(rebuilt).substring(0, 12) + "… given); give the fixed build a new"
                + " version, e.g. 1.0.2.";
        manager.apply(fix.getPath(), null, "itest");
        refused(rebuilt, sentence);
        manager.revert(SLOT, null, "itest");
        refused(rebuilt, sentence);
    }

    @Test
    public void theSameBytesAgainActivateTheStandbyWithTheInstalledChecksum() throws Exception {
        File fix = Container.fixPatch();
        manager.apply(fix.getPath(), null, "itest");
        manager.revert(SLOT, null, "itest");
        List<String> bundles = Fixtures.bundles(context);
        File copy = File.createTempFile("same", ".jar");
        copy.deleteOnExit();
        Files.copy(fix.toPath(), copy.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ChangeDTO again;
        try (InputStream upload = new FileInputStream(copy)) {
            again = manager.apply(upload, "same.jar", null, "itest");
        }
        assertTrue(again.changed);
        assertEquals(FIXED, again.to);
        assertEquals("the standby came back: nothing installed", bundles, Fixtures.bundles(context));
        assertEquals(Jars.sha256(fix), manager.history(SLOT).get(0).checksum);
    }

    @Test
    public void aBundleNotInstalledByApplyCannotBeCompared() throws Exception {
        Bundle shell = context.installBundle(Container.fixPatch().toURI().toString());
        shell.start(); // the route's owner switches to it, after the registration's callback returned
        Deadline deadline = new Deadline(java.time.Duration.ofSeconds(10));
        while (!FIXED.equals(manager.slot(SLOT).active.id) && !deadline.passed()) {
            deadline.pause();
        }
        assertEquals(FIXED, manager.slot(SLOT).active.id);
        refused(Container.fixPatch(), FIXED + " is already installed (bundle " + shell.getBundleId() + ") but not by"
                + " apply, so its content cannot be compared; give the fixed build a new version, e.g. 1.0.2, or"
                + " activate the installed one.");
    }

    private void refused(File jar, String sentence) {
        List<String> bundles = Fixtures.bundles(context);
        List<String> routes = Fixtures.routes(manager);
        int ledger = manager.history(null).size();
        PatchException refused = assertThrows(PatchException.class, () -> manager.apply(jar.getPath(), null, "itest"));
        assertEquals(sentence, refused.getMessage());
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(routes, Fixtures.routes(manager));
        assertEquals(ledger, manager.history(null).size());
    }
}
