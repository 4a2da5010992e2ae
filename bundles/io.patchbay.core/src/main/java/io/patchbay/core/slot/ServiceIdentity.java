package io.patchbay.core.slot;

import io.patchbay.api.PatchbayConstants;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The name of the service a registration belongs to, the second half of a slot's key: {@code patchbay.slot}, else
 * DS {@code component.name}, else {@code service.pid}, else the registering bundle's symbolic name (so a
 * replacement bundle with the same symbolic name, and a host restarting under a fragment patch, stay one slot).
 */
public final class ServiceIdentity {

    private static final String[] NAMING_PROPERTIES = { PatchbayConstants.SLOT_PROPERTY, "component.name",
            Constants.SERVICE_PID };

    private ServiceIdentity() {
    }

    public static String nameOf(ServiceReference<?> reference) {
        for (String key : NAMING_PROPERTIES) {
            String value = first(reference.getProperty(key));
            if (value != null) {
                return value;
            }
        }
        Bundle bundle = reference.getBundle();
        return bundle == null ? "unknown" : bundle.getSymbolicName();
    }

    private static String first(Object value) {
        Object single = value instanceof Object[] array ? (array.length == 0 ? null : array[0])
                : value instanceof java.util.Collection<?> list ? list.stream().findFirst().orElse(null) : value;
        String text = single == null ? null : String.valueOf(single).trim();
        return text == null || text.isEmpty() ? null : text;
    }
}
