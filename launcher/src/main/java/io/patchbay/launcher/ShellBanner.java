package io.patchbay.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The banner's line about the shell: with no terminal attached there is no {@code g!} prompt, so it says how to
 * reach the shell over SSH, or how to turn the SSH shell on (a file {@code <data>/etc/io.patchbay.ssh.cfg}, which
 * FileInstall hands to ConfigAdmin). At a terminal it speaks only when SSH is configured.
 */
final class ShellBanner {

    static final String SSH_PID = "io.patchbay.ssh";
    /** The SSH shell's defaults (io.patchbay.ssh's SshConfiguration; ShellBannerTest keeps them equal). */
    static final int SSH_DEFAULT_PORT = 8101;
    static final String SSH_DEFAULT_HOST = "127.0.0.1";

    private ShellBanner() {
    }

    static void print(LauncherConfig config, boolean interactive) {
        line(config, interactive).ifPresent(line -> {
            System.out.println(line);
            System.out.flush();
        });
    }

    static Optional<String> line(LauncherConfig config, boolean interactive) {
        Path etc = config.dataDir().resolve(FrameworkProperties.ETC_DIR);
        Path file = etc.resolve(SSH_PID + ".cfg");
        if (!Files.isRegularFile(file)) {
            return interactive ? Optional.empty() : Optional.of("  Shell:       no terminal attached; for the Gogo "
                    + "shell over SSH create " + file + " and add your public key to "
                    + etc.resolve("authorized_keys") + " (see docs/shell.md)");
        }
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("  Shell:       over SSH as configured in " + file);
        }
        String port = settings.getProperty("port", Integer.toString(SSH_DEFAULT_PORT)).strip();
        String host = settings.getProperty("host", SSH_DEFAULT_HOST).strip();
        String reach = "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
        return Optional.of("  Shell:       ssh -p " + port + " <user>@" + reach + "  (keys as configured in " + file
                + ")");
    }
}
