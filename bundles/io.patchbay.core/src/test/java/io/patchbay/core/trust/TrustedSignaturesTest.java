package io.patchbay.core.trust;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.core.patch.PatchJar;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Trusted mode at the jar level: who signed what, with keys made by keytool for this run. */
public class TrustedSignaturesTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = TemporaryFolder.builder().parentFolder(new File("target")).build();

    private static Signing signing;
    private static Path signed;

    @BeforeClass
    public static void keys() throws Exception {
        signing = Signing.keys(FOLDER.getRoot().toPath());
        signed = signing.sign(signing.patch("patch.jar"), "signer");
    }

    @Test
    public void aJarSignedByATrustedCertificateIsAcceptedWithItsSigner() {
        assertEquals("CN=Patchbay Test Signer,O=Patchbay", trustingSigner().signer(signed, "p.jar"));
    }

    @Test
    public void aSignerCertifiedByATrustedCaIsAccepted() throws Exception {
        Path chained = signing.sign(signing.patch("chained.jar"), "chained");
        TrustedSignatures trustingCa = new TrustedSignatures(signing.file("ca.pem").toString(), null);
        assertEquals("CN=Patchbay Chained Signer", trustingCa.signer(chained, "c.jar"));
    }

    @Test
    public void anUnsignedJarIsRefused() throws Exception {
        assertEquals("u.jar is not signed; only patches signed by a certificate of the trust store (trust.store)"
                + " are applied.", refused(signing.patch("unsigned.jar"), "u.jar"));
    }

    @Test
    public void anEntryAddedAfterSigningIsRefused() throws Exception {
        Path added = Signing.copy(signed, signing.file("added.jar"), (name, bytes) -> null,
                Map.of("a/Extra.class", "slipped in"));
        assertEquals("a.jar is only partly signed: a/Extra.class is not covered by its signature (added after"
                + " signing?); sign the whole jar again.", refused(added, "a.jar"));
    }

    @Test
    public void anEntryChangedAfterSigningIsRefused() throws Exception {
        Path changed = Signing.copy(signed, signing.file("changed.jar"), (name, bytes) -> name.equals("a/B.class")
                ? "other code".getBytes(StandardCharsets.UTF_8) : null, Map.of());
        assertEquals("t.jar was changed after it was signed: a/B.class does not match its signed digest.",
                refused(changed, "t.jar"));
    }

    @Test
    public void aSignerTheStoreDoesNotTrustIsRefused() throws Exception {
        Path mallory = signing.sign(signing.patch("mallory.jar"), "mallory");
        assertEquals("m.jar is signed by CN=Mallory, which the trust store (trust.store) does not trust.",
                refused(mallory, "m.jar"));
        Path chained = signing.sign(signing.patch("chained2.jar"), "chained");
        assertEquals("c.jar is signed by CN=Patchbay Chained Signer, which the trust store (trust.store) does not"
                + " trust.", refused(chained, "c.jar"));
    }

    @Test
    public void aTrustStoreThatCannotBeReadRefusesEveryPatch() {
        String missing = signing.file("missing.p12").toString();
        PatchException refused = assertThrows(PatchException.class,
                () -> new TrustedSignatures(missing, null).signer(signed, "p.jar"));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("The trust store " + missing
                + " (trust.store) cannot be read: "));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith("; no patch is applied until it can."));
        PatchException wrongPassword = assertThrows(PatchException.class,
                () -> new TrustedSignatures(signing.file("trust.p12").toString(), "wrong").signer(signed, "p.jar"));
        assertTrue(wrongPassword.getMessage(), wrongPassword.getMessage().contains("cannot be read"));
    }

    @Test
    public void patchJarCarriesTheSignerAndDeletesWhatItRefuses() throws Exception {
        Path copy = FOLDER.getRoot().toPath().resolve("incoming/copy.jar");
        try (InputStream in = Files.newInputStream(signed)) {
            PatchJar patch = PatchJar.read(in, copy, "p.jar", 1 << 20, trustingSigner());
            assertEquals("CN=Patchbay Test Signer,O=Patchbay", patch.signer());
            assertEquals("signed.patch/1.0.1", patch.id());
            patch.delete();
        }
        try (InputStream in = Files.newInputStream(signing.patch("unsigned2.jar"))) {
            assertThrows(PatchException.class, () -> PatchJar.read(in, copy, "u.jar", 1 << 20, trustingSigner()));
        }
        assertFalse(Files.exists(copy));
    }

    private static TrustedSignatures trustingSigner() {
        return new TrustedSignatures(signing.file("trust.p12").toString(), Signing.PASSWORD);
    }

    private static String refused(Path jar, String name) {
        return assertThrows(PatchException.class, () -> trustingSigner().signer(jar, name)).getMessage();
    }
}
