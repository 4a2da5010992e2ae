package io.patchbay.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Downloads a deployment's artifacts into the agent's work folder, each checked against the size limit and the
 * hash the server gives (SHA-256, or SHA-1 from servers that give no SHA-256). A file that fails is deleted.
 */
final class Downloads {

    private final DdiClient ddi;
    private final Path folder;
    private final long maxBytes;

    Downloads(DdiClient ddi, Path folder, long maxBytes) {
        this.ddi = ddi;
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** The artifact as a checked local file; a sentence when it cannot be had or is not what the server says. */
    Path fetch(Ddi.Artifact artifact) throws DeploymentException, InterruptedException {
        if (artifact.href() == null) {
            throw new DeploymentException("Artifact " + artifact.filename() + " has no HTTP download link.");
        }
        if (artifact.sha256() == null && artifact.sha1() == null) {
            throw new DeploymentException("Artifact " + artifact.filename() + " comes with no hash to check.");
        }
        if (artifact.size() > maxBytes) {
            throw new DeploymentException("Artifact " + artifact.filename() + " has " + artifact.size()
                    + " bytes, more than the " + maxBytes + " allowed (maxArtifactBytes).");
        }
        String algorithm = artifact.sha256() != null ? "SHA-256" : "SHA-1";
        String expected = artifact.sha256() != null ? artifact.sha256() : artifact.sha1();
        Path file = folder.resolve(safeName(artifact.filename()));
        boolean checked = false;
        try {
            Files.createDirectories(folder);
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            long bytes = copy(artifact, file, digest);
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(expected)) {
                throw new DeploymentException("Artifact " + artifact.filename() + " does not match its " + algorithm
                        + ": the server says " + expected + ", the " + bytes + " bytes received hash to " + actual
                        + ".");
            }
            checked = true;
            AgentCrashPoints.reached("hashed");
            return file;
        } catch (IOException e) {
            throw new DeploymentException("Artifact " + artifact.filename() + " could not be downloaded: "
                    + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has " + algorithm, e);
        } finally {
            if (!checked) {
                file.toFile().delete();
            }
        }
    }

    private long copy(Ddi.Artifact artifact, Path file, MessageDigest digest)
            throws IOException, InterruptedException, DeploymentException {
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = ddi.download(artifact); OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = in.read(buffer)) >= 0;) {
                bytes += read;
                if (bytes > maxBytes) {
                    throw new DeploymentException("Artifact " + artifact.filename() + " is larger than the "
                            + maxBytes + " bytes allowed (maxArtifactBytes).");
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
                AgentCrashPoints.reached("downloading"); // part of the artifact on disk
            }
        }
        return bytes;
    }

    /** The file name alone, so that a name from the server cannot point outside the work folder. */
    static String safeName(String filename) {
        String name = filename == null ? "" : filename.replaceAll(".*[/\\\\]", "");
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "artifact" + name + ".jar" : name;
    }
}
