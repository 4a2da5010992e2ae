package io.patchbay.core.trust;

import io.patchbay.api.PatchException;
import io.patchbay.core.patch.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Trusted mode: a patch jar is applied only if a certificate of the trust store signed it (jarsigner) and every
 * entry is covered by that signature with a right digest. Each entry is read to its end through a verifying
 * {@link JarFile}, which is what makes the JDK check its digest and report its signers. Signature files and
 * directories are the only entries a signature does not cover.
 */
public final class TrustedSignatures implements Verification {

    private final String store;
    private final String password;

    /** @param store the trust store's path as configured; it is read at every apply, so a change takes effect */
    public TrustedSignatures(String store, String password) {
        this.store = store;
        this.password = password;
    }

    @Override
    public String signer(Path jar, String name) {
        TrustStore trust = TrustStore.load(store, password);
        Set<X509Certificate> common = null; // trusted signers that signed every entry so far
        String unsigned = null;
        String untrusted = null;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                readFully(file, entry, name);
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned = unsigned == null ? entry.getName() : unsigned;
                    continue;
                }
                Set<X509Certificate> trustedHere = new LinkedHashSet<>();
                for (CodeSigner signer : signers) {
                    if (trust.trusts(signer.getSignerCertPath())) {
                        trustedHere.add(certificate(signer));
                    } else if (untrusted == null) {
                        untrusted = certificate(signer).getSubjectX500Principal().getName();
                    }
                }
                if (common == null) {
                    common = trustedHere;
                } else {
                    common.retainAll(trustedHere);
                }
            }
        } catch (IOException e) {
            throw new PatchException("Cannot read " + name + " to check its signature: " + e.getMessage() + ".", e);
        } catch (SecurityException e) {
            throw new PatchException(name + " was changed after it was signed: " + e.getMessage() + ".", e);
        }
        return verdict(name, common, unsigned, untrusted);
    }

    private static String verdict(String name, Set<X509Certificate> common, String unsigned, String untrusted) {
        if (common == null && unsigned == null) {
            throw new PatchException(name + " has no entries to sign; only signed patches are applied (trust.store).");
        }
        if (common == null) {
            throw new PatchException(name + " is not signed; only patches signed by a certificate of the trust store"
                    + " (trust.store) are applied.");
        }
        if (unsigned != null) {
            throw new PatchException(name + " is only partly signed: " + unsigned + " is not covered by its signature"
                    + " (added after signing?); sign the whole jar again.");
        }
        if (common.isEmpty()) {
            throw new PatchException(untrusted != null
                    ? name + " is signed by " + untrusted + ", which the trust store (trust.store) does not trust."
                    : name + " has no one trusted signer that signed every entry; sign the whole jar again.");
        }
        return common.iterator().next().getSubjectX500Principal().getName();
    }

    private static void readFully(JarFile file, JarEntry entry, String name) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (SecurityException e) {
            throw new PatchException(name + " was changed after it was signed: " + entry.getName()
                    + " does not match its signed digest.", e);
        }
    }

    private static X509Certificate certificate(CodeSigner signer) {
        return (X509Certificate) signer.getSignerCertPath().getCertificates().get(0);
    }

    /** The manifest and the signature files jarsigner writes directly in META-INF, as the JDK defines them. */
    static boolean isSignatureFile(String entry) {
        String upper = entry.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.equals("MANIFEST.MF") || file.startsWith("SIG-") || file.endsWith(".SF")
                || file.endsWith(".DSA") || file.endsWith(".RSA") || file.endsWith(".EC");
    }
}
