package io.patchbay.core.slot;

import io.patchbay.api.PatchbayConstants;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Which services are raw implementations of managed slots: opted in by {@code patchbay.managed=true}, or an
 * interface named in the configuration. Facades (registered by the manager) never are. Decided from the
 * reference alone, so the hooks can hide a service from the instant it is registered.
 */
public final class ManagedServices implements Predicate<ServiceReference<?>> {

    private final Bundle manager;
    private final Supplier<Set<String>> configured;

    public ManagedServices(Bundle manager, Supplier<Set<String>> configured) {
        this.manager = manager;
        this.configured = configured;
    }

    @Override
    public boolean test(ServiceReference<?> reference) {
        Bundle owner = reference.getBundle();
        if (owner == null || owner.equals(manager) || reference.getProperty(PatchbayConstants.SLOT_PROPERTY) != null) {
            return false;
        }
        return optedIn(reference) || objectClasses(reference).stream().anyMatch(configured.get()::contains);
    }

    /** The interfaces of a managed service that become slots. */
    public List<String> interfaces(ServiceReference<?> reference) {
        List<String> names = objectClasses(reference);
        if (optedIn(reference)) {
            return names;
        }
        Set<String> wanted = configured.get();
        return names.stream().filter(wanted::contains).toList();
    }

    private static boolean optedIn(ServiceReference<?> reference) {
        Object value = reference.getProperty(PatchbayConstants.MANAGED);
        return value != null && Boolean.parseBoolean(String.valueOf(value));
    }

    private static List<String> objectClasses(ServiceReference<?> reference) {
        Object value = reference.getProperty(Constants.OBJECTCLASS);
        return value instanceof String[] names ? Arrays.asList(names) : List.of();
    }
}
