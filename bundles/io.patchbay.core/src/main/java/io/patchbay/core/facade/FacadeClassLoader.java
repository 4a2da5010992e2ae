package io.patchbay.core.facade;

/**
 * Defines the facade and facade factory classes of one slot. It sees the slot's interface through the loader that
 * defined it (so a 1.x and a 2.x interface of the same name each get their own facade) and Patchbay's own
 * classes, nothing else.
 * <p>
 * The factory is defined here, not in the core bundle, for the framework's sake: before handing a service to a
 * consumer, Felix checks that the class loader of the service factory sees the same interface class as the
 * consumer. This loader does; the core bundle, which imports no application API, does not.
 */
final class FacadeClassLoader extends ClassLoader {

    private static final String PATCHBAY = "io.patchbay.core.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader patchbay = FacadeClassLoader.class.getClassLoader();

    FacadeClassLoader(Class<?> api) {
        super("patchbay-facade:" + api.getName(), api.getClassLoader());
    }

    Class<?> define(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(PATCHBAY)) {
            return patchbay.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
