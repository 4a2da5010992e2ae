package io.patchbay.core.tracking;

import io.patchbay.api.PatchbayConstants;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Hides raw implementations of managed slots from every bundle but the manager (and the framework itself), so
 * consumers only ever find, and only ever hear about, the slot's facade. The services through which patches call
 * the code they replace ({@link PatchbayConstants#REPLACED_PROPERTY}) are shown to patch bundles only. A standby
 * bundle hears of no service another bundle registers or modifies ({@link QuietStandbys}).
 */
public final class HidingHooks implements FindHook, EventListenerHook {

    private final Bundle manager;
    private final ManagedServices managed;
    private final FacadeVisibility facades;
    private final QuietStandbys standbys;

    /**
     * @param typesOfSlot the interfaces of the slot with a given id ({@link Slots#typesOf})
     * @param standbys which bundles are standbys ({@link Slots#standbys})
     */
    public HidingHooks(Bundle manager, ManagedServices managed, Function<String, List<Class<?>>> typesOfSlot,
            QuietStandbys standbys) {
        this.manager = manager;
        this.managed = managed;
        this.facades = new FacadeVisibility(typesOfSlot);
        this.standbys = standbys;
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (!seesRaw(context)) {
            // getAllServiceReferences answers regardless of class spaces, as the framework does for any service
            references.removeIf(reference -> managed.test(reference) || hiddenReplaced(context, reference)
                    || !allServices && facades.hiddenFrom(context.getBundle(), reference));
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        if (managed.test(reference)) {
            listeners.keySet().removeIf(context -> !seesRaw(context));
        } else if (reference.getProperty(PatchbayConstants.REPLACED_PROPERTY) != null
                || reference.getProperty(PatchbayConstants.FACADE_PROPERTY) != null) {
            listeners.keySet().removeIf(context -> !seesRaw(context) && (hiddenReplaced(context, reference)
                    || facades.hiddenFrom(context.getBundle(), reference)));
        }
        if (event.getType() == ServiceEvent.REGISTERED || event.getType() == ServiceEvent.MODIFIED) {
            quiet(event, listeners);
        } else if (event.getType() == ServiceEvent.UNREGISTERING) {
            managed.forget(reference);
            facades.forget(reference);
            standbys.gone((Long) reference.getProperty("service.id"));
        }
    }

    /**
     * Standby bundles do not hear of another bundle's service arriving or changing; one that would have (a
     * listener's filter matches it, or it uses a service that changed) must restart before it serves.
     */
    private void quiet(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (listeners.isEmpty()) {
            return;
        }
        Set<Long> quiet = standbys.bundles();
        if (quiet.isEmpty()) {
            return;
        }
        Bundle registrant = event.getServiceReference().getBundle();
        listeners.entrySet().removeIf(entry -> {
            Bundle bundle = entry.getKey().getBundle();
            if (bundle == null || bundle.equals(registrant) || !quiet.contains(bundle.getBundleId())) {
                return false;
            }
            if (entry.getValue().stream().anyMatch(info -> matches(info.getFilter(), event.getServiceReference()))
                    || event.getType() == ServiceEvent.MODIFIED && uses(bundle, event.getServiceReference())) {
                standbys.missed(bundle.getBundleId(), (Long) event.getServiceReference().getProperty("service.id"));
            }
            return true;
        });
    }

    private static boolean uses(Bundle bundle, ServiceReference<?> reference) {
        Bundle[] using = reference.getUsingBundles();
        return using != null && java.util.Arrays.asList(using).contains(bundle);
    }

    private static boolean matches(String filter, ServiceReference<?> reference) {
        try {
            return filter == null || FrameworkUtil.createFilter(filter).match(reference);
        } catch (InvalidSyntaxException e) {
            return true;
        }
    }

    private boolean hiddenReplaced(BundleContext context, ServiceReference<?> reference) {
        if (reference.getProperty(PatchbayConstants.REPLACED_PROPERTY) == null || seesRaw(context)) {
            return false;
        }
        Bundle bundle = context.getBundle();
        return bundle.getHeaders("").get(PatchbayConstants.PATCH_HEADER) == null;
    }

    private boolean seesRaw(BundleContext context) {
        Bundle bundle = context.getBundle();
        return bundle == null || bundle.getBundleId() == 0 || bundle.equals(manager);
    }
}
