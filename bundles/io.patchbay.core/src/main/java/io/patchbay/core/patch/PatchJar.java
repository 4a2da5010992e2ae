package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchbayConstants;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * A patch jar copied into the manager's data area and checked before anything is installed: a jar, an OSGi
 * bundle, a patch with well-formed targets. Its SHA-256 goes into the ledger.
 */
public record PatchJar(Path file, String name, String symbolicName, Version version, List<PatchTarget> targets,
        String reason, ManifestClause fragmentHost, String checksum) {

    /** Whether this is a fragment patch, changing classes inside its host. */
    public boolean isFragment() {
        return fragmentHost != null;
    }

    /** The id the patch's bundle will have: {@code symbolicName/version}. */
    public String id() {
        return symbolicName + "/" + version;
    }

    /**
     * Copies {@code content} to {@code file} and reads it as a patch.
     *
     * @param name how the operator named it (path, URL or upload name), for messages
     * @throws PatchException if it is empty, not a jar, not a bundle or not a patch; the copy is deleted
     */
    public static PatchJar read(InputStream content, Path file, String name) {
        return read(content, file, name, true);
    }

    /**
     * As {@link #read(InputStream, Path, String)}; with {@code patchHeaderRequired} false a plain bundle (a
     * released third-party jar applied to a slot the operator names) is accepted and has no targets.
     */
    public static PatchJar read(InputStream content, Path file, String name, boolean patchHeaderRequired) {
        try {
            String checksum = copy(content, file);
            if (Files.size(file) == 0) {
                throw new PatchException(name + " is empty.");
            }
            return parse(file, name, checksum, patchHeaderRequired);
        } catch (IOException e) {
            delete(file);
            throw new PatchException("Cannot read " + name + ": " + e.getMessage() + ".", e);
        } catch (PatchException e) {
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
                main.getValue(PatchbayConstants.REASON_HEADER), host == null ? null : ManifestClause.parse(host).get(0),
                checksum);
    }

    private static String copy(InputStream content, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            content.transferTo(out);
        }
        return HexFormat.of().formatHex(sha256.digest());
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
