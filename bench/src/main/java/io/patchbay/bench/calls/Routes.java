package io.patchbay.bench.calls;

import io.patchbay.core.facade.Facades;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;

/** The ways to reach an implementation that the call-overhead benchmark compares, built outside OSGi. */
final class Routes {

    private Routes() {
    }

    /**
     * A Patchbay facade routed to {@code target}: the generated class the core registers for a slot, made by the
     * same public factory, with a stub service reference in place of the framework's.
     */
    static <T> T facade(Class<T> api, T target) {
        Slot slot = new Slot(api, "1.0.0", () -> 5_000L);
        Implementation implementation = new Implementation(slot,
                Stubs.reference(Stubs.bundle("bench.implementation", "1.0.0")), target);
        slot.add(implementation);
        slot.route(implementation, false, System.currentTimeMillis());
        ServiceFactory<Object> factory = Facades.factory(slot, false);
        return api.cast(factory.getService(Stubs.bundle("bench.consumer", "1.0.0"), null));
    }

    /**
     * A Patchbay facade routed to a bundle-scoped registration in a running framework, handed to the framework's
     * own bundle as its consumer: the call path of every DS service (SCR registers them all through a service
     * factory), where the facade asks its seat for the object the consumer was given.
     */
    static <T> T scopedFacade(BundleContext consumer, Class<T> api, ServiceReference<T> bundleScoped) {
        Slot slot = new Slot(api, "1.0.0", () -> 5_000L);
        Implementation implementation = new Implementation(slot, bundleScoped, null);
        slot.add(implementation);
        slot.route(implementation, false, System.currentTimeMillis());
        ServiceFactory<Object> factory = Facades.factory(slot, false);
        return api.cast(factory.getService(consumer.getBundle(), null));
    }

    /** A {@link Proxy} that forwards every call reflectively: what a facade without generated code costs. */
    static <T> T reflective(Class<T> api, T target) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api },
                (proxy, method, args) -> {
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
