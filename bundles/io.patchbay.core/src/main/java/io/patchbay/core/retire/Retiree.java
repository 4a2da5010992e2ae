package io.patchbay.core.retire;

import java.lang.ref.WeakReference;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * One implementation that was active: who it was, and a weak reference to its bundle revision's class loader,
 * taken while it served. Nothing here holds the loader strongly, and no method leaves it in a field.
 */
final class Retiree {

    final String implementation;
    final String slot;
    final long bundleId;
    final String location;
    final long activeSince;
    /** The bundle's own classes (not its imports'), for the threads whose stacks name one. */
    final Set<String> classes;
    private final WeakReference<ClassLoader> loader;

    Retiree(String implementation, String slot, Bundle bundle, ClassLoader loader, Set<String> classes,
            long activeSince) {
        this.implementation = implementation;
        this.slot = slot;
        this.bundleId = bundle.getBundleId();
        this.location = bundle.getLocation();
        this.loader = new WeakReference<>(loader);
        this.classes = Set.copyOf(classes);
        this.activeSince = activeSince;
    }

    /** The loader if it is still reachable; callers drop it before waiting for a collection. */
    ClassLoader loader() {
        return loader.get();
    }

    boolean collected() {
        return loader.get() == null;
    }

    /**
     * Whether its bundle revision is gone from the framework's current state: the bundle uninstalled, or updated
     * or refreshed since (it has another class loader now, or none).
     */
    boolean retired(BundleContext context) {
        ClassLoader held = loader.get();
        if (held == null) {
            return true;
        }
        Bundle bundle = context.getBundle(bundleId);
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            return true;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring == null || !wiring.isCurrent() || wiring.getClassLoader() != held;
    }

    /** Same implementation and bundle revision: one entry however often it becomes active again. */
    boolean same(String otherImplementation, long otherBundle, ClassLoader otherLoader) {
        return implementation.equals(otherImplementation) && bundleId == otherBundle && loader.get() == otherLoader;
    }
}
