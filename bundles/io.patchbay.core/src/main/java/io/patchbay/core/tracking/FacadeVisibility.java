package io.patchbay.core.tracking;

import io.patchbay.api.PatchbayConstants;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Which bundles may see a slot's facade: every bundle except one wired to another class of one of the slot's
 * interfaces (a consumer of API 2.x never finds the facade of the 1.x slot of the same name). The framework would
 * check this itself for an ordinary service; for the facade's factory, defined outside any bundle, neither Felix
 * nor Equinox can, so the manager's hooks do, the same way on both: a bundle that cannot load the interface at
 * all sees the facade (it may use reflection), as the frameworks decide for ordinary services.
 */
final class FacadeVisibility {

    private final Function<String, List<Class<?>>> typesOfSlot;
    /**
     * Weak keys: a reference is also found while it is being unregistered (a tracker's listener looks up services
     * during the event), after {@link #forget}; it must not keep the facade factory, and so its slot's class loader,
     * reachable once the framework lets go of it.
     */
    private final Map<ServiceReference<?>, List<Class<?>>> types = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param typesOfSlot the interfaces of the slot with a given id, or {@code null} if there is none */
    FacadeVisibility(Function<String, List<Class<?>>> typesOfSlot) {
        this.typesOfSlot = typesOfSlot;
    }

    /**
     * Whether {@code reference}, a facade or replaced-code service, is hidden from {@code bundle}: read from the
     * bundle's package wires, never by loading a class (that would wire dynamic imports and activate lazy bundles
     * from inside a hook).
     */
    boolean hiddenFrom(Bundle bundle, ServiceReference<?> reference) {
        List<Class<?>> interfaces = interfacesOf(reference);
        if (interfaces == null) {
            return false;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (Class<?> type : interfaces) {
            ClassLoader source = PackageSource.of(wiring, type);
            if (source != null && source != type.getClassLoader()) {
                return true;
            }
        }
        return false;
    }

    void forget(ServiceReference<?> reference) {
        types.remove(reference);
    }

    private List<Class<?>> interfacesOf(ServiceReference<?> reference) {
        Object slot = reference.getProperty(PatchbayConstants.FACADE_PROPERTY);
        if (slot == null) {
            slot = reference.getProperty(PatchbayConstants.REPLACED_PROPERTY);
        }
        if (slot == null) {
            return null;
        }
        List<Class<?>> known = types.get(reference);
        if (known == null) {
            known = typesOfSlot.apply(String.valueOf(slot));
            if (known != null) {
                types.put(reference, known);
            }
        }
        return known;
    }
}
