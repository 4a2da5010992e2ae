package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FrameworkPropertiesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void theConsolePasswordIsNoFrameworkProperty() throws Exception {
        LauncherConfig config = LauncherConfig.from(Map.of("patchbay.console.password", "clear-text-secret")::get,
                Map.of());
        Map<String, String> properties = FrameworkProperties.build(config, false);
        assertFalse(properties.toString(), properties.toString().contains("clear-text-secret"));
        String starting = properties.get(FrameworkProperties.CONSOLE_PASSWORD);
        assertTrue(starting, starting.startsWith("{sha-256}"));
        assertFalse(PasswordHash.matches(starting, "clear-text-secret"));
        assertNull("no HTTPS unless configured", properties.get(FrameworkProperties.HTTPS_ENABLE));
    }

    @Test
    public void eventAdminsLevelIsTheLastSoItStopsFirstAndBundlesLearnTheDataFolder() throws Exception {
        LauncherConfig config = LauncherConfig.from(Map.of("patchbay.data", folder.getRoot().toString())::get,
                Map.of());
        Map<String, String> properties = FrameworkProperties.build(config, false);
        assertEquals("3", properties.get("org.osgi.framework.startlevel.beginning"));
        assertEquals("2", properties.get("felix.startlevel.bundle"));
        assertEquals(folder.getRoot().toPath().toAbsolutePath().normalize().toString(),
                properties.get("patchbay.data"));
    }

    @Test
    public void httpsSettingsGoToFelixHttp() throws Exception {
        Path keystore = Files.createFile(folder.getRoot().toPath().resolve("server.p12"));
        LauncherConfig config = LauncherConfig.from(Map.of("patchbay.https.port", "8443",
                "patchbay.https.keystore", keystore.toString(), "patchbay.https.keystore.password", "ks")::get,
                Map.of());
        Map<String, String> properties = FrameworkProperties.build(config, false);
        assertEquals("true", properties.get("org.apache.felix.https.enable"));
        assertEquals("8443", properties.get("org.osgi.service.http.port.secure"));
        assertEquals(keystore.toString(), properties.get("org.apache.felix.https.keystore"));
        assertEquals("ks", properties.get("org.apache.felix.https.keystore.password"));
        assertNull(properties.get("org.apache.felix.https.keystore.key.password"));
        assertEquals("https://127.0.0.1:8443", config.secureBaseUrl().orElseThrow());
    }
}
