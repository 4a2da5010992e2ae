package io.patchbay.core;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The manager's configuration (PID {@code io.patchbay.core}), read from ConfigAdmin, with framework properties of
 * the same names prefixed {@code patchbay.} as the starting values (so a launcher can manage a third-party
 * interface before ConfigAdmin is up). Names, meanings and defaults are declared once, in
 * {@link SettingsDefinition}; a configuration is read through it, so a setting left out, or given a value it cannot
 * use (not a number, below its minimum, blank), has its declared default. Read by a small proxy rather than the OSGi
 * Converter: the Converter's start (some 75 classes, date formats and locale data) was a fifth of the manager's
 * start-up, for eleven values whose conversion {@link #usable} already does.
 */
public final class Settings {

    /** The settings whose minimum is 1, not 0: a limit where 0 would mean "none" (URLConnection) or "refuse all". */
    private static final Set<String> AT_LEAST_ONE = Set.of("patch.max.bytes", "url.connect.timeout.ms",
            "url.read.timeout.ms");

    private volatile Set<String> managedInterfaces;
    private volatile long dampingMillis;
    private volatile long applyMillis;
    private volatile long drainMillis;
    private volatile long maxBytes;
    private volatile long connectMillis;
    private volatile long readMillis;
    private volatile long lockMillis;
    private volatile long standbyIdleWarnMillis;
    private volatile String trustStore;
    private volatile List<String> keyNames;
    private volatile String trustStorePassword;

    /** Every setting at its default. */
    public Settings() {
        update(name -> null);
    }

    public Set<String> managedInterfaces() {
        return managedInterfaces;
    }

    /** How long a call waits for an implementation while its slot has none. */
    public long dampingMillis() {
        return dampingMillis;
    }

    /** How long apply waits for a patch to register its implementation. */
    public long applyMillis() {
        return applyMillis;
    }

    /** How long a switch waits for calls still running on the old implementation. */
    public long drainMillis() {
        return drainMillis;
    }

    /** The largest patch jar apply reads, in bytes; a larger one is refused as soon as the limit is passed. */
    public long maxBytes() {
        return maxBytes;
    }

    /** How long apply waits to connect to a patch's URL. */
    public long connectMillis() {
        return connectMillis;
    }

    /** How long apply waits for the next bytes from a patch's URL. */
    public long readMillis() {
        return readMillis;
    }

    /** A standby idle and installed longer than this is a status warning; 0: never. */
    public long standbyIdleWarnMillis() {
        return standbyIdleWarnMillis;
    }

    /** How long an operation waits for the one running before it. */
    public long lockMillis() {
        return lockMillis;
    }

    /** The Baggage and MDC entries a canary's routing key is read from, first that holds one. */
    public List<String> keyNames() {
        return keyNames;
    }

    /** The trust store (PKCS12 keystore or PEM certificates) patches must be signed against, or {@code null}. */
    public String trustStore() {
        return trustStore;
    }

    /** The trust store's password, or {@code null}; a PEM file needs none. */
    public String trustStorePassword() {
        return trustStorePassword;
    }

    /** Whether apply verifies patch signatures: a trust store is configured. */
    public boolean verifying() {
        return trustStore != null;
    }

    /** Applies one configuration; {@code lookup} answers a property by name or {@code null}. */
    void update(Function<String, Object> lookup) {
        SettingsDefinition read = read(lookup);
        managedInterfaces = Collections.unmodifiableSet(new LinkedHashSet<>(list(read.managed_interfaces())));
        dampingMillis = read.damping_timeout_ms();
        applyMillis = read.apply_timeout_ms();
        drainMillis = read.drain_timeout_ms();
        maxBytes = read.patch_max_bytes();
        connectMillis = read.url_connect_timeout_ms();
        readMillis = read.url_read_timeout_ms();
        lockMillis = read.lock_timeout_ms();
        standbyIdleWarnMillis = read.standby_idle_warn_ms();
        trustStore = blankIsNone(read.trust_store());
        trustStorePassword = blankIsNone(read.trust_store_password());
        keyNames = list(read.canary_key_names());
    }

    void update(Dictionary<String, ?> properties) {
        update(properties::get);
    }

    /** The configuration as {@link SettingsDefinition}: what {@code lookup} gives that is usable, else the default. */
    static SettingsDefinition read(Function<String, Object> lookup) {
        Map<String, Object> usable = new HashMap<>();
        for (Method setting : SettingsDefinition.class.getDeclaredMethods()) {
            String name = name(setting);
            Object value = usable(name, setting.getReturnType(), lookup.apply(name));
            if (value != null) {
                usable.put(name, value);
            }
        }
        return (SettingsDefinition) Proxy.newProxyInstance(SettingsDefinition.class.getClassLoader(),
                new Class<?>[] { SettingsDefinition.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> SettingsDefinition.class;
                    case "toString" -> "SettingsDefinition" + usable;
                    case "hashCode" -> usable.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> usable.getOrDefault(name(method), method.getDefaultValue());
                });
    }

    /** The property name of a setting, as metatype (and the OSGi Converter) derive it: {@code damping_timeout_ms} is
     * {@code damping.timeout.ms} (no name here uses {@code $} or {@code __}). */
    static String name(Method setting) {
        return setting.getName().replace('_', '.');
    }

    /** {@code value} as the setting's type if it is usable, else {@code null} (the default applies). */
    private static Object usable(String name, Class<?> type, Object value) {
        if (value == null) {
            return null;
        }
        if (type == String[].class) {
            String[] names = names(value);
            return names.length == 0 ? null : names;
        }
        if (type == long.class) {
            Long number = number(value);
            return number == null || number < (AT_LEAST_ONE.contains(name) ? 1 : 0) ? null : number;
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? null : text;
    }

    /** A list of names: an array, a collection or comma-separated text; trimmed, in order, each once. */
    private static String[] names(Object value) {
        Object[] items = value instanceof Object[] array ? array
                : value instanceof Collection<?> collection ? collection.toArray()
                        : String.valueOf(value).split(",");
        return Arrays.stream(items).map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                .toArray(String[]::new); // in order: the key names are looked up in turn
    }

    private static Long number(Object value) {
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> list(String[] names) {
        return List.of(names);
    }

    private static String blankIsNone(String text) {
        return text.isEmpty() ? null : text;
    }
}
