package io.patchbay.core.slot;

import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Hides raw implementations of managed slots from every bundle but the manager (and the framework itself), so
 * consumers only ever find, and only ever hear about, the slot's facade.
 */
public final class HidingHooks implements FindHook, EventListenerHook {

    private final Bundle manager;
    private final Predicate<ServiceReference<?>> managed;

    public HidingHooks(Bundle manager, Predicate<ServiceReference<?>> managed) {
        this.manager = manager;
        this.managed = managed;
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (!seesRaw(context)) {
            references.removeIf(managed);
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (managed.test(event.getServiceReference())) {
            listeners.keySet().removeIf(context -> !seesRaw(context));
        }
    }

    private boolean seesRaw(BundleContext context) {
        Bundle bundle = context.getBundle();
        return bundle == null || bundle.getBundleId() == 0 || bundle.equals(manager);
    }
}
