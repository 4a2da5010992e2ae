package io.patchbay.core;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The manager's configuration (PID {@code io.patchbay.core}), read from ConfigAdmin, with framework properties of
 * the same names prefixed {@code patchbay.} as the starting values (so a launcher can manage a third-party
 * interface before ConfigAdmin is up).
 */
public final class Settings {

    static final String MANAGED_INTERFACES = "managed.interfaces";
    static final String DAMPING_TIMEOUT = "damping.timeout.ms";
    static final String APPLY_TIMEOUT = "apply.timeout.ms";
    static final String DRAIN_TIMEOUT = "drain.timeout.ms";
    static final String MAX_BYTES = "patch.max.bytes";
    static final String CONNECT_TIMEOUT = "url.connect.timeout.ms";
    static final String READ_TIMEOUT = "url.read.timeout.ms";
    static final String LOCK_TIMEOUT = "lock.timeout.ms";
    static final String TRUST_STORE = "trust.store";
    static final String KEY_NAMES = "canary.key.names";
    static final java.util.List<String> DEFAULT_KEY_NAMES = java.util.List.of("patchbay.key", "tenant.id", "user.id");
    static final String TRUST_STORE_PASSWORD = "trust.store.password";
    static final String STANDBY_IDLE_WARN = "standby.idle.warn.ms";
    static final long DEFAULT_STANDBY_IDLE_WARN = 7L * 24 * 3600 * 1000;

    private volatile Set<String> managedInterfaces = Set.of();
    private volatile long dampingMillis = 5_000;
    private volatile long applyMillis = 10_000;
    private volatile long drainMillis = 5_000;
    private volatile long maxBytes = 64L << 20;
    private volatile long connectMillis = 10_000;
    private volatile long readMillis = 30_000;
    private volatile long lockMillis = 30_000;
    private volatile long standbyIdleWarnMillis = DEFAULT_STANDBY_IDLE_WARN;
    private volatile String trustStore;
    private volatile java.util.List<String> keyNames = DEFAULT_KEY_NAMES;
    private volatile String trustStorePassword;

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

    /** The trust store (PKCS12 keystore or PEM certificates) patches must be signed against, or {@code null}. */
    /** The Baggage and MDC entries a canary's routing key is read from, first that holds one. */
    public java.util.List<String> keyNames() {
        return keyNames;
    }

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
    void update(java.util.function.Function<String, Object> lookup) {
        managedInterfaces = names(lookup.apply(MANAGED_INTERFACES));
        dampingMillis = millis(lookup.apply(DAMPING_TIMEOUT), 5_000);
        applyMillis = millis(lookup.apply(APPLY_TIMEOUT), 10_000);
        drainMillis = millis(lookup.apply(DRAIN_TIMEOUT), 5_000);
        maxBytes = positive(lookup.apply(MAX_BYTES), 64L << 20);
        connectMillis = positive(lookup.apply(CONNECT_TIMEOUT), 10_000);
        readMillis = positive(lookup.apply(READ_TIMEOUT), 30_000);
        lockMillis = millis(lookup.apply(LOCK_TIMEOUT), 30_000);
        standbyIdleWarnMillis = millis(lookup.apply(STANDBY_IDLE_WARN), DEFAULT_STANDBY_IDLE_WARN);
        trustStore = text(lookup.apply(TRUST_STORE));
        trustStorePassword = text(lookup.apply(TRUST_STORE_PASSWORD));
        Set<String> keys = names(lookup.apply(KEY_NAMES));
        keyNames = keys.isEmpty() ? DEFAULT_KEY_NAMES : java.util.List.copyOf(keys);
    }

    void update(Dictionary<String, ?> properties) {
        update(properties::get);
    }

    private static Set<String> names(Object value) {
        if (value == null) {
            return Set.of();
        }
        Object[] items = value instanceof Object[] array ? array
                : value instanceof java.util.Collection<?> collection ? collection.toArray()
                        : String.valueOf(value).split(",");
        return Arrays.stream(items).map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.collectingAndThen(Collectors.toCollection(java.util.LinkedHashSet::new),
                        java.util.Collections::unmodifiableSet)); // in order: the key names are looked up in turn
    }

    private static String text(Object value) {
        String text = value == null ? "" : String.valueOf(value).trim();
        return text.isEmpty() ? null : text;
    }

    /** A limit where 0 would mean "none" (URLConnection) or "refuse all": only positive values count. */
    private static long positive(Object value, long otherwise) {
        long number = millis(value, otherwise);
        return number > 0 ? number : otherwise;
    }

    private static long millis(Object value, long otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            long millis = Long.parseLong(String.valueOf(value).trim());
            return millis >= 0 ? millis : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
