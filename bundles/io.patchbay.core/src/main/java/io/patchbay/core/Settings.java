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

    private volatile Set<String> managedInterfaces = Set.of();
    private volatile long dampingMillis = 5_000;
    private volatile long applyMillis = 10_000;
    private volatile long drainMillis = 5_000;

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

    /** Applies one configuration; {@code lookup} answers a property by name or {@code null}. */
    void update(java.util.function.Function<String, Object> lookup) {
        managedInterfaces = names(lookup.apply(MANAGED_INTERFACES));
        dampingMillis = millis(lookup.apply(DAMPING_TIMEOUT), 5_000);
        applyMillis = millis(lookup.apply(APPLY_TIMEOUT), 10_000);
        drainMillis = millis(lookup.apply(DRAIN_TIMEOUT), 5_000);
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
                .collect(Collectors.toUnmodifiableSet());
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
