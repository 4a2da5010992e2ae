package io.patchbay.core.patch;

import io.patchbay.core.headers.ManifestClause;
import io.patchbay.core.headers.PatchTarget;
import io.patchbay.api.PatchException;
import io.patchbay.api.PatchbayConstants;
import io.patchbay.core.source.BoundedCopy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * A patch jar copied into the manager's data area and checked before anything is installed: not larger than the
 * limit, a jar, an OSGi bundle, a patch with well-formed targets, signed as the {@link Verification} requires.
 * Its SHA-256 and its signer go into the ledger.
 *
 * @param signer subject DN of the trusted certificate that signed every entry, or {@code null} when patches are
 *            not verified
 */
public record PatchJar(Path file, String name, String symbolicName, Version version, List<PatchTarget> targets,
        String reason, ManifestClause fragmentHost, String checksum, String signer) {

    /** Whether this is a fragment patch, changing classes inside its host. */
    public boolean isFragment() {
        return fragmentHost != null;
    }

    /** The id the patch's bundle will have: {@code symbolicName/version}. */
    public String id() {
        return symbolicName + "/" + version;
    }

    /** As {@link #read(InputStream, Path, String, long, Verification)} with no size limit and no verification. */
    public static PatchJar read(InputStream content, Path file, String name) {
        return read(content, file, name, Long.MAX_VALUE, Verification.NONE);
    }

    /**
     * Copies {@code content} to {@code file} and reads it as a patch.
     *
     * @param name how the operator named it (path, URL or upload name), for messages
     * @param maxBytes reading stops and the patch is refused as soon as it is larger
     * @throws PatchException if it is too large, empty, not a jar, not a bundle, not a patch or not signed as
     *             {@code verification} requires; the copy is deleted
     */
    public static PatchJar read(InputStream content, Path file, String name, long maxBytes,
            Verification verification) {
        return read(content, file, name, maxBytes, verification, true);
    }

    /**
     * As {@link #read(InputStream, Path, String, long, Verification)}; with {@code patchHeaderRequired} false a
     * plain bundle (a released third-party jar applied to a slot the operator names) is accepted, with no targets.
     */
    public static PatchJar read(InputStream content, Path file, String name, long maxBytes,
            Verification verification, boolean patchHeaderRequired) {
        try {
            String checksum = BoundedCopy.copy(content, file, name, maxBytes);
            if (Files.size(file) == 0) {
                throw new PatchException(name + " is empty.");
            }
            PatchJar patch = parse(file, name, checksum, patchHeaderRequired);
            return patch.signedBy(verification.signer(file, name));
        } catch (IOException e) {
            delete(file);
            throw new PatchException("Cannot read " + name + ": " + e.getMessage() + ".", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static PatchJar parse(Path file, String name, String checksum, boolean patchHeaderRequired)
            throws IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile())) {
            manifest = jar.getManifest();
        } catch (ZipException e) {
            throw new PatchException(name + " is not a jar file.");
        }
        if (manifest == null) {
            throw new PatchException(name + " is not an OSGi bundle: it has no manifest.");
        }
        Attributes main = manifest.getMainAttributes();
        String symbolicName = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (symbolicName == null) {
            throw new PatchException(name + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName.");
        }
        symbolicName = symbolicName.split(";")[0].trim();
        String header = main.getValue(PatchbayConstants.PATCH_HEADER);
        if (header == null && patchHeaderRequired) {
            throw new PatchException(name + " (" + symbolicName + ") is not a patch: its manifest has no "
                    + PatchbayConstants.PATCH_HEADER + " header.");
        }
        List<PatchTarget> targets;
        Version version;
        try {
            targets = header == null ? List.of() : PatchTarget.parse(header);
            version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            throw new PatchException(name + " has a malformed manifest: " + e.getMessage() + ".");
        }
        String host = main.getValue(Constants.FRAGMENT_HOST);
        return new PatchJar(file, name, symbolicName, version, targets,
                main.getValue(PatchbayConstants.REASON_HEADER), host == null || host.isBlank() ? null : ManifestClause.parse(host).get(0),
                checksum, null);
    }

    private PatchJar signedBy(String subject) {
        return new PatchJar(file, name, symbolicName, version, targets, reason, fragmentHost, checksum, subject);
    }

    public void delete() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file in the data area is harmless
        }
    }
}
