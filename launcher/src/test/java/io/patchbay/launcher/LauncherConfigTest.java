package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

public class LauncherConfigTest {

    private static LauncherConfig config(Map<String, String> properties, Map<String, String> env)
            throws LaunchException {
        return LauncherConfig.from(properties::get, env);
    }

    @Test
    public void defaultsBindLoopbackOnly() throws LaunchException {
        LauncherConfig config = config(Map.of(), Map.of());
        assertEquals(8080, config.httpPort());
        assertEquals("127.0.0.1", config.httpHost());
        assertEquals(Path.of("patchbay-data").toAbsolutePath(), config.dataDir());
        assertFalse(config.consolePassword().isPresent());
        assertEquals("http://127.0.0.1:8080", config.baseUrl());
    }

    @Test
    public void environmentIsUsedAndSystemPropertyWins() throws LaunchException {
        Map<String, String> env = Map.of("PATCHBAY_HTTP_PORT", "9000", "PATCHBAY_HTTP_HOST", "0.0.0.0",
                "PATCHBAY_DATA", "/srv/pb/../patchbay", "PATCHBAY_CONSOLE_PASSWORD", "from-env");
        LauncherConfig fromEnv = config(Map.of(), env);
        assertEquals(9000, fromEnv.httpPort());
        assertEquals("0.0.0.0", fromEnv.httpHost());
        assertEquals(Path.of("/srv/patchbay"), fromEnv.dataDir());
        assertEquals("from-env", fromEnv.consolePassword().orElseThrow());
        assertEquals("http://localhost:9000", fromEnv.baseUrl());

        LauncherConfig both = config(Map.of("patchbay.http.port", "9001", "patchbay.console.password", "from-prop"),
                env);
        assertEquals(9001, both.httpPort());
        assertEquals("from-prop", both.consolePassword().orElseThrow());
    }

    @Test
    public void badPortIsOneClearSentence() {
        for (String bad : new String[] {"eighty", "0", "65536", "-1", ""}) {
            LaunchException e = assertThrows(LaunchException.class,
                    () -> config(Map.of("patchbay.http.port", bad), Map.of()));
            assertEquals(LaunchException.USAGE, e.exitCode());
            assertTrue(e.getMessage(), e.getMessage().contains("is not a number between 1 and 65535"));
            assertTrue(e.getMessage(), e.getMessage().contains("PATCHBAY_HTTP_PORT"));
        }
    }

    @Test
    public void adminAndEmptyPasswordsAreRefused() {
        assertThrows(LaunchException.class,
                () -> config(Map.of("patchbay.console.password", "admin"), Map.of()));
        assertThrows(LaunchException.class, () -> config(Map.of(), Map.of("PATCHBAY_CONSOLE_PASSWORD", " ")));
    }

    @Test
    public void ipv6HostIsBracketedInUrls() throws LaunchException {
        assertEquals("http://[::1]:8080", config(Map.of("patchbay.http.host", "::1"), Map.of()).baseUrl());
    }
}
