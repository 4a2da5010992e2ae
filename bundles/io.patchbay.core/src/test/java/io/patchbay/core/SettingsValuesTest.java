package io.patchbay.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** The manager's settings as a configuration gives them: values, defaults, and what is not a value. */
public class SettingsValuesTest {

    private final Settings settings = new Settings();

    @Test
    public void withoutAConfigurationEverySettingHasItsDefault() {
        settings.update(name -> null);
        assertDefaults();
        assertFalse(settings.verifying());
    }

    @Test
    public void aConfigurationSetsEveryValue() {
        Hashtable<String, Object> properties = new Hashtable<>(Map.ofEntries(
                Map.entry("managed.interfaces", " a.B , c.D,,a.B "),
                Map.entry("damping.timeout.ms", "1"),
                Map.entry("apply.timeout.ms", 2L),
                Map.entry("drain.timeout.ms", " 3 "),
                Map.entry("patch.max.bytes", "4"),
                Map.entry("url.connect.timeout.ms", "5"),
                Map.entry("url.read.timeout.ms", "6"),
                Map.entry("lock.timeout.ms", "7"),
                Map.entry("standby.idle.warn.ms", "8"),
                Map.entry("trust.store", " /etc/trust.p12 "),
                Map.entry("trust.store.password", "secret"),
                Map.entry("canary.key.names", new String[] { "tenant.id", " region " })));
        settings.update(properties);
        assertEquals(List.of("a.B", "c.D"), List.copyOf(settings.managedInterfaces()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), List.of(settings.dampingMillis(),
                settings.applyMillis(), settings.drainMillis(), settings.maxBytes(), settings.connectMillis(),
                settings.readMillis(), settings.lockMillis(), settings.standbyIdleWarnMillis()));
        assertEquals("/etc/trust.p12", settings.trustStore());
        assertEquals("secret", settings.trustStorePassword());
        assertTrue(settings.verifying());
        assertEquals(List.of("tenant.id", "region"), settings.keyNames());
    }

    @Test
    public void zeroTurnsOffAWaitButNeverALimit() {
        Map<String, Object> zeros = Map.of("damping.timeout.ms", "0", "apply.timeout.ms", "0", "drain.timeout.ms",
                "0", "lock.timeout.ms", "0", "standby.idle.warn.ms", "0", "patch.max.bytes", "0",
                "url.connect.timeout.ms", "0", "url.read.timeout.ms", "0");
        settings.update(zeros::get);
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), List.of(settings.dampingMillis(), settings.applyMillis(),
                settings.drainMillis(), settings.lockMillis(), settings.standbyIdleWarnMillis()));
        assertEquals(64L << 20, settings.maxBytes());
        assertEquals(10_000, settings.connectMillis());
        assertEquals(30_000, settings.readMillis());
    }

    @Test
    public void negativeOrUnreadableValuesKeepTheDefault() {
        settings.update(name -> name.equals("managed.interfaces") || name.startsWith("trust") ? null
                : name.equals("canary.key.names") ? List.of(" ", "") : name.startsWith("url") ? "-1" : "soon");
        assertDefaults();
        settings.update(name -> "-5");
        assertEquals(5_000, settings.dampingMillis());
        assertEquals(7L * 24 * 3600 * 1000, settings.standbyIdleWarnMillis());
    }

    @Test
    public void aNewConfigurationReplacesTheOldOne() {
        settings.update(Map.<String, Object>of("trust.store", "t", "managed.interfaces", List.of("x.Y"),
                "apply.timeout.ms", "9")::get);
        assertEquals(Set.of("x.Y"), settings.managedInterfaces());
        settings.update(Map.<String, Object>of("trust.store", "  ")::get);
        assertNull(settings.trustStore());
        assertFalse(settings.verifying());
        assertDefaults();
    }

    private void assertDefaults() {
        SettingsTest.assertDeclaredDefaults(settings);
    }
}
