package io.patchbay.core.patch;

import io.patchbay.core.headers.ManifestClause;
import io.patchbay.core.headers.PatchTarget;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.PatchException;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** The same name and version installed again may only be the same bytes; else a free version is proposed. */
public class InstalledContentTest {

    private static final String SUM = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String OTHER = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeBundles framework;
    private BundleContext context;

    private void start() {
        framework = new FakeBundles(folder.getRoot().toPath());
        context = framework.context();
    }

    @Test
    public void aPatchNotInstalledYetPasses() {
        start();
        framework.add(1, "p.fix", "1.0.0");
        InstalledContent.check(context, patch("p.fix", "1.0.1", SUM));
        InstalledContent.check(context, patch("p.other", "1.0.1", SUM));
    }

    @Test
    public void theSameBytesInstalledByApplyPass() {
        start();
        framework.add(5, "p.fix", "1.0.1");
        InstalledChecksums.of(context).record(5, SUM, id -> true);
        InstalledContent.check(context, patch("p.fix", "1.0.1", SUM));
    }

    @Test
    public void otherBytesUnderTheSameVersionAreRefusedWithTheNextFreeVersion() {
        start();
        framework.add(5, "p.fix", "1.0.1");
        framework.add(6, "p.fix", "1.0.2");
        framework.add(7, "p.other", "1.0.3");
        InstalledChecksums.of(context).record(5, OTHER, id -> true);
        PatchException refused = assertThrows(PatchException.class,
                () -> InstalledContent.check(context, patch("p.fix", "1.0.1", SUM)));
        assertEquals("p.fix/1.0.1 is already installed with other content (sha256 fedcba987654… installed,"
                + " 0123456789ab… given); give the fixed build a new version, e.g. 1.0.3.", refused.getMessage());
    }

    @Test
    public void aBundleNotInstalledByApplyCannotBeCompared() {
        start();
        framework.add(5, "p.fix", "1.0.1");
        PatchException refused = assertThrows(PatchException.class,
                () -> InstalledContent.check(context, patch("p.fix", "1.0.1", "abc")));
        assertEquals("p.fix/1.0.1 is already installed (bundle 5) but not by apply, so its content cannot be"
                + " compared; give the fixed build a new version, e.g. 1.0.2, or activate the installed one.",
                refused.getMessage());
    }

    @Test
    public void theNextFreeVersionSkipsEveryTakenMicroVersionOfThatName() {
        start();
        framework.add(1, "p.fix", "1.2.3");
        framework.add(2, "p.fix", "1.2.4");
        framework.add(3, "p.fix", "1.2.5");
        framework.add(4, "p.fix", "1.2.7");
        framework.add(5, "p.else", "1.2.6");
        assertEquals(new Version(1, 2, 6), InstalledContent.nextFree(context, patch("p.fix", "1.2.3", SUM)));
        assertEquals(new Version(2, 0, 1), InstalledContent.nextFree(context, patch("p.fix", "2.0.0.qualifier",
                SUM)));
    }

    static PatchJar patch(String symbolicName, String version, String checksum) {
        return new PatchJar(Path.of(symbolicName + ".jar"), symbolicName + ".jar", symbolicName,
                Version.parseVersion(version), PatchTarget.parse("java.util.function.Supplier"), null, null,
                checksum, null);
    }

    static PatchJar fragment(String symbolicName, String version, String host) {
        return new PatchJar(Path.of(symbolicName + ".jar"), symbolicName + ".jar", symbolicName,
                Version.parseVersion(version), PatchTarget.parse("java.util.function.Supplier"), null,
                ManifestClause.parse(host).get(0), "sum", null);
    }

    static List<PatchTarget> targets(String header) {
        return PatchTarget.parse(header);
    }
}
