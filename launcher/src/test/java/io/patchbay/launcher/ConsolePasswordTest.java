package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ConsolePasswordTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private LauncherConfig config(Map<String, String> properties) throws LaunchException {
        return LauncherConfig.from(properties::get, Map.of("PATCHBAY_DATA", folder.getRoot().toString()));
    }

    @Test
    public void generatedOnceOwnerOnlyAndReused() throws Exception {
        ConsolePassword first = ConsolePassword.resolve(config(Map.of()));
        Path file = folder.getRoot().toPath().resolve("console-password");
        assertEquals(file, first.file().orElseThrow());
        assertTrue(first.value(), first.value().matches("[A-Za-z0-9_-]{20}"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        ConsolePassword again = ConsolePassword.resolve(config(Map.of()));
        assertEquals(first.value(), again.value());
        try (var files = Files.list(folder.getRoot().toPath())) {
            assertEquals("no temporary file left", 1, files.count());
        }
    }

    @Test
    public void tooOpenPermissionsAreTightened() throws Exception {
        Path file = folder.getRoot().toPath().resolve("console-password");
        Files.writeString(file, "s3cret-enough\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("s3cret-enough", ConsolePassword.resolve(config(Map.of())).value());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    public void configuredPasswordIsNotStored() throws Exception {
        ConsolePassword configured = ConsolePassword.resolve(config(Map.of("patchbay.console.password", "given")));
        assertEquals("given", configured.value());
        assertFalse(configured.file().isPresent());
        assertFalse(Files.exists(folder.getRoot().toPath().resolve("console-password")));
    }

    @Test
    public void generatedPasswordsDiffer() {
        assertFalse(ConsolePassword.generate().equals(ConsolePassword.generate()));
    }
}
