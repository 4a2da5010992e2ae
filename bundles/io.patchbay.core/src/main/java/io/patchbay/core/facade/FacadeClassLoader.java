package io.patchbay.core.facade;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleReference;
import org.osgi.framework.FrameworkUtil;

/**
 * Defines the facade and facade factory classes of one slot. It sees the slot's interfaces exactly as the
 * implementation registered them (so a 1.x and a 2.x interface of the same name each get their own facade),
 * whatever else their loaders see, and Patchbay's own classes.
 * <p>
 * The factory is defined here, not in the core bundle, for the framework's sake: before handing a service to a
 * consumer, the framework checks that the registering side sees the same interface class as the consumer, and the
 * core bundle imports no application API. This loader answers as the bundle of the slot's interface
 * ({@link BundleReference}): Felix and Equinox then take the factory for an extender's and let every consumer
 * see it, and the manager's hooks hide the facade from consumers wired to another version of the interface
 * ({@code HidingHooks}).
 */
final class FacadeClassLoader extends ClassLoader implements BundleReference {

    private static final String PATCHBAY = "io.patchbay.core.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader patchbay = FacadeClassLoader.class.getClassLoader();
    private final Map<String, Class<?>> apis;
    private final List<Class<?>> others;

    /** @param slot the name of the loader, which names the slot's facade frames on a stack (see FacadeLanes) */
    FacadeClassLoader(List<Class<?>> apis, String slot) {
        super("patchbay-facade:" + slot, apis.get(0).getClassLoader());
        this.apis = apis.stream().collect(Collectors.toMap(Class::getName, Function.identity(), (a, b) -> a));
        this.others = apis.subList(1, apis.size());
    }

    /** The bundle that exports the slot's (first) interface. */
    @Override
    public Bundle getBundle() {
        return FrameworkUtil.getBundle(apis.values().iterator().next());
    }

    Class<?> define(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> api = apis.get(name);
        if (api != null) {
            return api;
        }
        if (name.startsWith(PATCHBAY)) {
            return patchbay.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (Class<?> api : others) { // types the second and later interfaces use in their signatures
            try {
                return api.getClassLoader().loadClass(name);
            } catch (ClassNotFoundException notThere) {
                // try the next one
            }
        }
        throw new ClassNotFoundException(name);
    }
}
