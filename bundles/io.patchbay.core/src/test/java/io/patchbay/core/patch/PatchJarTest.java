package io.patchbay.core.patch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.PatchException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PatchJarTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void readsAPatchAndItsChecksum() throws Exception {
        PatchJar patch = PatchJar.read(jar("Bundle-SymbolicName: p.q;singleton:=true", "Bundle-Version: 1.0.1",
                "Patchbay-Patch: a.B", "Patchbay-Reason: fix"), file(), "p.jar");
        assertEquals("p.q/1.0.1", patch.id());
        assertEquals("fix", patch.reason());
        assertEquals(64, patch.checksum().length());
    }

    @Test
    public void refusesWhatIsNotAPatchAndDeletesTheCopy() throws Exception {
        Path copy = file();
        assertEquals("x is not a jar file.", refused(new ByteArrayInputStream("text".getBytes(StandardCharsets.UTF_8)), copy));
        assertFalse(Files.exists(copy));
        assertEquals("x is empty.", refused(new ByteArrayInputStream(new byte[0]), copy));
        assertEquals("x is not an OSGi bundle: its manifest has no Bundle-SymbolicName.",
                refused(jar("Created-By: me"), copy));
        assertEquals("x (p.q) is not a patch: its manifest has no Patchbay-Patch header.",
                refused(jar("Bundle-SymbolicName: p.q"), copy));
    }

    @Test
    public void refusesAJarLargerThanTheLimit() throws Exception {
        Path copy = file();
        ByteArrayInputStream jar = jar("Bundle-SymbolicName: p.q", "Patchbay-Patch: a.B");
        PatchException refused = assertThrows(PatchException.class,
                () -> PatchJar.read(jar, copy, "big.jar", 10, Verification.NONE));
        assertEquals("big.jar is larger than the limit of 10 bytes (patch.max.bytes); nothing was kept.",
                refused.getMessage());
        assertFalse(Files.exists(copy));
    }

    private Path file() {
        return folder.getRoot().toPath().resolve("incoming/p.jar");
    }

    private static String refused(java.io.InputStream in, Path copy) {
        return assertThrows(PatchException.class, () -> PatchJar.read(in, copy, "x")).getMessage();
    }

    private static ByteArrayInputStream jar(String... headers) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (String header : headers) {
            int colon = header.indexOf(':');
            manifest.getMainAttributes().putValue(header.substring(0, colon), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
