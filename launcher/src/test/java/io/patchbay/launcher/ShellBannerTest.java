package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.patchbay.ssh.SshConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ShellBannerTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void withoutATerminalSaysHowToTurnOnTheSshShell() throws Exception {
        LauncherConfig config = config();
        Path etc = config.dataDir().resolve("etc");
        assertEquals("  Shell:       no terminal attached; for the Gogo shell over SSH create "
                + etc.resolve("io.patchbay.ssh.cfg") + " and add your public key to " + etc.resolve("authorized_keys")
                + " (see docs/shell.md)", ShellBanner.line(config, false).orElseThrow());
        assertFalse("at a terminal the prompt is the shell", ShellBanner.line(config, true).isPresent());
    }

    @Test
    public void onceConfiguredNamesTheSshCommand() throws Exception {
        LauncherConfig config = config();
        Path cfg = Files.createDirectories(config.dataDir().resolve("etc")).resolve("io.patchbay.ssh.cfg");
        Files.writeString(cfg, "# defaults\n");
        assertEquals("  Shell:       ssh -p 8101 <user>@127.0.0.1  (keys as configured in " + cfg + ")",
                ShellBanner.line(config, false).orElseThrow());
        Files.writeString(cfg, "port = 2222\nhost = 0.0.0.0\n");
        assertEquals("  Shell:       ssh -p 2222 <user>@localhost  (keys as configured in " + cfg + ")",
                ShellBanner.line(config, true).orElseThrow());
    }

    @Test
    public void theDefaultsAreTheSshShells() throws Exception {
        assertEquals(ShellBanner.SSH_DEFAULT_PORT, SshConfiguration.class.getMethod("port").getDefaultValue());
        assertEquals(ShellBanner.SSH_DEFAULT_HOST, SshConfiguration.class.getMethod("host").getDefaultValue());
        assertEquals(ShellBanner.SSH_PID, SshConfiguration.PID);
        assertEquals(FrameworkProperties.DATA, SshConfiguration.DATA_PROPERTY);
    }

    private LauncherConfig config() throws Exception {
        return LauncherConfig.from(Map.of("patchbay.data", folder.getRoot().toString())::get, Map.of());
    }
}
