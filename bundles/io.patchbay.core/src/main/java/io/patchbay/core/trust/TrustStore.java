package io.patchbay.core.trust;

import io.patchbay.api.PatchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The certificates patches may be signed by: a PKCS12 (or JKS) keystore, or a PEM file of certificates. A signer
 * is trusted if its own certificate is in the store, or if its certificate path validates (PKIX, no revocation
 * check) up to a certificate in the store.
 */
public final class TrustStore {

    private final List<X509Certificate> trusted;

    private TrustStore(List<X509Certificate> trusted) {
        this.trusted = trusted;
    }

    /**
     * @param location path of the store, as configured ({@code trust.store})
     * @param password the keystore's password, or {@code null}
     * @throws PatchException if it cannot be read or holds no certificate: then no patch can be trusted
     */
    public static TrustStore load(String location, String password) {
        try {
            byte[] content = Files.readAllBytes(Path.of(location));
            List<X509Certificate> certificates = new String(content, StandardCharsets.ISO_8859_1).contains("-----BEGIN")
                    ? pem(content) : keystore(Path.of(location), password);
            if (certificates.isEmpty()) {
                throw new PatchException("The trust store " + location + " (trust.store) holds no certificate"
                        + (password == null ? " that can be read without trust.store.password" : "")
                        + "; no patch is applied until it does.");
            }
            return new TrustStore(List.copyOf(certificates));
        } catch (IOException | GeneralSecurityException | InvalidPathException e) {
            throw new PatchException("The trust store " + location + " (trust.store) cannot be read: "
                    + e.getMessage() + "; no patch is applied until it can.", e);
        }
    }

    private static List<X509Certificate> pem(byte[] content) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(content))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    private static List<X509Certificate> keystore(Path file, String password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                certificates.add(certificate);
            }
        }
        return certificates;
    }

    /** Whether the signer whose certificate path this is (signer first, as jarsigner stores it) is trusted. */
    public boolean trusts(CertPath path) {
        List<? extends Certificate> certificates = path.getCertificates();
        for (int i = 0; i < certificates.size(); i++) {
            if (trusted.contains(certificates.get(i))) {
                // the path up to the first trusted certificate must chain to it; the signer itself is pinned
                return i == 0 || validates(certificates.subList(0, i),
                        Set.of(new TrustAnchor((X509Certificate) certificates.get(i), null)));
            }
        }
        return !certificates.isEmpty() && validates(certificates,
                trusted.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet()));
    }

    private static boolean validates(List<? extends Certificate> certificates, Set<TrustAnchor> anchors) {
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(certificates);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
