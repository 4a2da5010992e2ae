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
    public void onlyLoopbackAddressesCountAsLoopback() throws LaunchException {
        for (String loopback : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            assertTrue(loopback, config(Map.of("patchbay.http.host", loopback), Map.of()).loopbackOnly());
        }
        for (String open : new String[] {"0.0.0.0", "::", "192.0.2.7"}) {
            assertFalse(open, config(Map.of("patchbay.http.host", open), Map.of()).loopbackOnly());
        }
    }

    @Test
    public void exposedHttpIsWarnedAbout() throws LaunchException {
        assertFalse(Banner.exposureWarning(config(Map.of(), Map.of())).isPresent());
        String warning = Banner.exposureWarning(config(Map.of("patchbay.http.host", "0.0.0.0"), Map.of()))
                .orElseThrow();
        assertTrue(warning, warning.startsWith("Warning: HTTP listens on 0.0.0.0:8080"));
        assertTrue(warning, warning.contains("clear text"));
        assertTrue(warning, warning.contains("patchbay.https.port"));
    }

    @Test
    public void httpsNeedsAPortAndAReadableKeystore() {
        LaunchException noKeystore = assertThrows(LaunchException.class,
                () -> config(Map.of("patchbay.https.port", "8443"), Map.of()));
        assertTrue(noKeystore.getMessage(), noKeystore.getMessage().contains("patchbay.https.keystore"));
        LaunchException missing = assertThrows(LaunchException.class, () -> config(Map.of("patchbay.https.port",
                "8443", "patchbay.https.keystore", "/no/such/keystore.p12"), Map.of()));
        assertTrue(missing.getMessage(), missing.getMessage().contains("/no/such/keystore.p12 does not exist"));
        LaunchException noPort = assertThrows(LaunchException.class,
                () -> config(Map.of(), Map.of("PATCHBAY_HTTPS_KEYSTORE", "/tmp/k.p12")));
        assertTrue(noPort.getMessage(), noPort.getMessage().contains("patchbay.https.port"));
        LaunchException badPort = assertThrows(LaunchException.class,
                () -> config(Map.of("patchbay.https.port", "none"), Map.of()));
        assertTrue(badPort.getMessage(), badPort.getMessage().startsWith("The HTTPS port \"none\" is not a number"));
    }

    @Test
    public void ipv6HostIsBracketedInUrls() throws LaunchException {
        assertEquals("http://[::1]:8080", config(Map.of("patchbay.http.host", "::1"), Map.of()).baseUrl());
    }
}
