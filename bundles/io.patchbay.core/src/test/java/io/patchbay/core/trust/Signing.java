package io.patchbay.core.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Keys and signed jars made at test time with the JDK's own keytool and jarsigner, in a folder under target/:
 * nothing secret is committed. Keys: a CA, a self-signed signer, a signer certified by the CA, and Mallory.
 */
final class Signing {

    static final String PASSWORD = "test-only";

    private final Path dir;

    private Signing(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    static Signing keys(Path dir) throws Exception {
        Signing signing = new Signing(dir);
        signing.keypair("ca", "CN=Patchbay Test CA", "-ext", "bc:c");
        signing.keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-rfc", "-file", "ca.pem");
        signing.keypair("signer", "CN=Patchbay Test Signer,O=Patchbay");
        signing.keytool("-exportcert", "-alias", "signer", "-keystore", "signer.p12", "-file", "signer.cer");
        signing.keytool("-importcert", "-alias", "signer", "-file", "signer.cer", "-keystore", "trust.p12");
        signing.keypair("chained", "CN=Patchbay Chained Signer");
        signing.keytool("-certreq", "-alias", "chained", "-keystore", "chained.p12", "-file", "chained.csr");
        signing.keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "chained.csr", "-outfile",
                "chained.cer", "-rfc", "-validity", "30");
        signing.keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", "chained.p12");
        signing.keytool("-importcert", "-alias", "chained", "-file", "chained.cer", "-keystore", "chained.p12");
        signing.keypair("mallory", "CN=Mallory");
        return signing;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** Signs {@code jar} with the key of {@code alias} (its keystore is {@code alias.p12}) into a new file. */
    Path sign(Path jar, String alias) throws Exception {
        Path signed = dir.resolve(alias + "-" + jar.getFileName());
        run("jarsigner", "-keystore", alias + ".p12", "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-signedjar", signed.toString(), jar.toString(), alias);
        return signed;
    }

    /** A patch jar: a manifest, a directory, a class-like entry and a resource. */
    Path patch(String name) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "signed.patch");
        main.putValue("Bundle-Version", "1.0.1");
        main.putValue("Patchbay-Patch", "a.B");
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new ZipEntry("a/"));
            out.closeEntry();
            for (Map.Entry<String, String> entry : Map.of("a/B.class", "not really a class", "a/notes.txt",
                    "the fix").entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * A copy of {@code jar} entry by entry (signature files included) where {@code change} may replace an entry's
     * bytes (return {@code null} to keep them), plus the {@code added} entries.
     */
    static Path copy(Path jar, Path to, BiFunction<String, byte[], byte[]> change, Map<String, String> added)
            throws IOException {
        try (JarFile in = new JarFile(jar.toFile(), false);
                OutputStream file = Files.newOutputStream(to);
                JarOutputStream out = new JarOutputStream(file)) {
            for (JarEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                byte[] changed = change.apply(entry.getName(), bytes);
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(changed == null ? bytes : changed);
                out.closeEntry();
            }
            for (Map.Entry<String, String> entry : added.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return to;
    }

    private void keypair(String alias, String dname, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-dname", dname,
                "-validity", "30", "-keystore", alias + ".p12", "-keypass", PASSWORD));
        args.addAll(List.of(more));
        keytool(args.toArray(String[]::new));
    }

    private void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        run("keytool", command.toArray(String[]::new));
    }

    private void run(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
