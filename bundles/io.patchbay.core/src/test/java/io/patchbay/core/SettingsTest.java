package io.patchbay.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** Defaults come from SettingsDefinition alone; a configuration overrides what it sets with a usable value. */
public class SettingsTest {

    @Test
    public void everySettingHasItsDeclaredDefault() {
        assertDeclaredDefaults(new Settings());
    }

    /** The defaults SettingsDefinition declares, as a fresh or reset {@code settings} has them. */
    static void assertDeclaredDefaults(Settings settings) {
        assertEquals(Set.of(), settings.managedInterfaces());
        assertEquals(5_000, settings.dampingMillis());
        assertEquals(10_000, settings.applyMillis());
        assertEquals(5_000, settings.drainMillis());
        assertEquals(64L << 20, settings.maxBytes());
        assertEquals(10_000, settings.connectMillis());
        assertEquals(30_000, settings.readMillis());
        assertEquals(30_000, settings.lockMillis());
        assertEquals(7L * 24 * 3600 * 1000, settings.standbyIdleWarnMillis());
        assertEquals(List.of("patchbay.key", "tenant.id", "user.id"), settings.keyNames());
        assertNull(settings.trustStore());
        assertNull(settings.trustStorePassword());
        assertFalse(settings.verifying());
    }

    @Test
    public void everySettingIsReadUnderItsDottedName() {
        Map<String, Object> given = new HashMap<>(Map.of("managed.interfaces", "a.B, c.D ,a.B",
                "damping.timeout.ms", "1", "apply.timeout.ms", 2L, "drain.timeout.ms", " 3 ", "patch.max.bytes", "4",
                "url.connect.timeout.ms", "5", "url.read.timeout.ms", "6", "lock.timeout.ms", "7",
                "standby.idle.warn.ms", "0", "canary.key.names", new String[] { " tenant ", "", "user" }));
        given.put("trust.store", " /etc/trust.p12 ");
        given.put("trust.store.password", "secret");
        Settings settings = new Settings();
        settings.update(given::get);
        assertEquals(List.of("a.B", "c.D"), List.copyOf(settings.managedInterfaces()));
        assertEquals(1, settings.dampingMillis());
        assertEquals(2, settings.applyMillis());
        assertEquals(3, settings.drainMillis());
        assertEquals(4, settings.maxBytes());
        assertEquals(5, settings.connectMillis());
        assertEquals(6, settings.readMillis());
        assertEquals(7, settings.lockMillis());
        assertEquals(0, settings.standbyIdleWarnMillis());
        assertEquals(List.of("tenant", "user"), settings.keyNames());
        assertEquals("/etc/trust.p12", settings.trustStore());
        assertEquals("secret", settings.trustStorePassword());
        assertTrue(settings.verifying());
    }

    @Test
    public void anUnusableValueHasTheDefault() {
        Hashtable<String, Object> given = new Hashtable<>(Map.of("damping.timeout.ms", "soon",
                "apply.timeout.ms", "-1", "patch.max.bytes", "0", "url.connect.timeout.ms", 0,
                "drain.timeout.ms", "0", "canary.key.names", List.of(" ", ""), "trust.store", "  ",
                "managed.interfaces", new String[0]));
        Settings settings = new Settings();
        settings.update(given);
        assertEquals(5_000, settings.dampingMillis());
        assertEquals(10_000, settings.applyMillis());
        assertEquals(64L << 20, settings.maxBytes()); // at least 1
        assertEquals(10_000, settings.connectMillis()); // at least 1
        assertEquals(0, settings.drainMillis()); // 0 is allowed: do not wait
        assertEquals(List.of("patchbay.key", "tenant.id", "user.id"), settings.keyNames());
        assertNull(settings.trustStore());
        assertEquals(Set.of(), settings.managedInterfaces());
    }

    @Test
    public void aLaterConfigurationWithoutASettingReturnsItToItsDefault() {
        Settings settings = new Settings();
        settings.update(Map.<String, Object>of("lock.timeout.ms", "1", "trust.store", "t.pem")::get);
        settings.update(name -> null);
        assertEquals(30_000, settings.lockMillis());
        assertFalse(settings.verifying());
    }

    @Test
    public void theConverterReadsEachSettingUnderTheNameSettingsLooksUp() {
        for (Method setting : SettingsDefinition.class.getDeclaredMethods()) {
            String name = Settings.name(setting);
            String value = setting.getReturnType() == long.class ? "42" : "x";
            Object read;
            try {
                read = setting.invoke(Settings.read(Map.of(name, value)::get));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            Object expected = setting.getReturnType() == long.class ? (Object) 42L
                    : setting.getReturnType() == String[].class ? List.of("x") : "x";
            assertEquals(name, expected, read instanceof String[] array ? List.of(array) : read);
        }
    }
}
