package io.patchbay.core.slot;

import io.patchbay.api.PatchbayConstants;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The name of the service a registration belongs to, the second half of a slot's key: {@code patchbay.slot}, else
 * DS {@code component.name}, else {@code service.pid} (not for a whiteboard service, see {@link #namedBy}), else the
 * registering bundle's symbolic name (so a replacement bundle with the same symbolic name, and a host restarting
 * under a fragment patch, stay one slot).
 * <p>
 * What tells apart services that one bundle registers under one name is their {@link #roleOf role}: the whiteboard
 * name or pattern they serve, their web console label or their event topics; else their {@link #fingerprintOf
 * fingerprint}. Both are read from properties the service sets itself, so they are the same when it registers again
 * and after a restart.
 */
public final class ServiceIdentity {

    private static final String[] NAMING_PROPERTIES = { PatchbayConstants.SLOT_PROPERTY, "component.name",
            Constants.SERVICE_PID };
    /** What a whiteboard service serves, most telling first: its name, its pattern, its console label, its topics. */
    private static final String[] ROLE_PROPERTIES = { "osgi.http.whiteboard.servlet.name",
            "osgi.http.whiteboard.filter.name", "osgi.http.whiteboard.servlet.pattern",
            "osgi.http.whiteboard.filter.pattern", "osgi.http.whiteboard.resource.pattern", "felix.webconsole.label",
            "event.topics" };
    /** Properties the framework or DS assign anew at every registration or activation: never part of an identity. */
    private static final Set<String> ASSIGNED = Set.of(Constants.OBJECTCLASS, Constants.SERVICE_ID,
            Constants.SERVICE_BUNDLEID, Constants.SERVICE_SCOPE, "component.id", "service.changecount",
            PatchbayConstants.FACADE_PROPERTY);

    private ServiceIdentity() {
    }

    public static String nameOf(ServiceReference<?> reference) {
        String named = namedBy(reference);
        if (named != null) {
            return named;
        }
        Bundle bundle = reference.getBundle();
        return bundle == null ? "unknown" : bundle.getSymbolicName();
    }

    /** Whether the service names itself ({@code patchbay.slot}, a component name or a PID), not only its bundle. */
    public static boolean namesItself(ServiceReference<?> reference) {
        return namedBy(reference) != null;
    }

    /**
     * What the service serves, from the first whiteboard property it sets ({@link #ROLE_PROPERTIES}), several
     * values joined by commas; {@code null} for a service with none.
     */
    public static String roleOf(ServiceReference<?> reference) {
        for (String key : ROLE_PROPERTIES) {
            String value = all(reference.getProperty(key));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * Eight hex digits of a checksum of the service's own properties, sorted, without the ones the framework assigns
     * ({@link #ASSIGNED}): equal for two registrations with equal properties, whatever their order or service ids.
     */
    public static String fingerprintOf(ServiceReference<?> reference) {
        TreeMap<String, String> own = new TreeMap<>();
        for (String key : reference.getPropertyKeys()) {
            if (!ASSIGNED.contains(key)) {
                own.put(key, String.valueOf(all(reference.getProperty(key))));
            }
        }
        CRC32 checksum = new CRC32();
        checksum.update(own.toString().getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", checksum.getValue());
    }

    /**
     * A whiteboard service is not named by its PID: a {@code ManagedService} that publishes its configuration in its
     * service properties (the web console's manager servlet) gains {@code service.pid} once it is configured, so the
     * PID would rename it; it is named by its bundle and role.
     */
    private static String namedBy(ServiceReference<?> reference) {
        for (String key : NAMING_PROPERTIES) {
            String value = first(reference.getProperty(key));
            if (value != null && (!key.equals(Constants.SERVICE_PID) || roleOf(reference) == null)) {
                return value;
            }
        }
        return null;
    }

    private static String first(Object value) {
        Object single = value instanceof Object[] array ? (array.length == 0 ? null : array[0])
                : value instanceof Collection<?> list ? list.stream().findFirst().orElse(null) : value;
        String text = single == null ? null : String.valueOf(single).trim();
        return text == null || text.isEmpty() ? null : text;
    }

    private static String all(Object value) {
        Collection<?> values = value instanceof Object[] array ? Arrays.asList(array)
                : value instanceof Collection<?> list ? list
                : value != null && value.getClass().isArray() ? primitives(value)
                : value == null ? Set.of() : Set.of(value);
        String text = values.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(","));
        return text.isEmpty() ? null : text;
    }

    private static List<Object> primitives(Object array) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            values.add(Array.get(array, i));
        }
        return values;
    }
}
