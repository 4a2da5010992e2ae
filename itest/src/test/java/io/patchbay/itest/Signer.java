package io.patchbay.itest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A signing key and a trust store holding its certificate, made at test time with the JDK's keytool under
 * target/ (nothing secret is committed), and jars signed with jarsigner.
 */
public final class Signer {

    public static final String PASSWORD = "itest-only";
    public static final String SUBJECT = "CN=Patchbay itest signer";

    private final Path dir;

    public Signer(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** The trust store, made on first use: the same path in the runner and in the probe. */
    public Path trustStore() throws IOException, InterruptedException {
        Path store = dir.resolve("trust.p12");
        if (!Files.exists(store)) {
            Files.createDirectories(dir);
            keytool("-genkeypair", "-alias", "signer", "-keyalg", "EC", "-dname", SUBJECT, "-validity", "30",
                    "-keystore", "signer.p12", "-keypass", PASSWORD);
            keytool("-exportcert", "-alias", "signer", "-keystore", "signer.p12", "-file", "signer.cer");
            keytool("-importcert", "-alias", "signer", "-file", "signer.cer", "-keystore", "trust.p12.tmp");
            Files.move(dir.resolve("trust.p12.tmp"), store);
        }
        return store;
    }

    public File sign(File jar) throws IOException, InterruptedException {
        Path signed = dir.resolve("signed-" + jar.getName());
        run("jarsigner", "-keystore", "signer.p12", "-storetype", "PKCS12", "-storepass", PASSWORD, "-signedjar",
                signed.toString(), jar.getAbsolutePath(), "signer");
        return signed.toFile();
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        run("keytool", command.toArray(String[]::new));
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
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
