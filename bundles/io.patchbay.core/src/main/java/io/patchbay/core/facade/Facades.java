package io.patchbay.core.facade;

import io.patchbay.core.slot.Slot;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.function.Function;
import org.osgi.framework.ServiceFactory;

/**
 * Makes the service factory registered for a slot, and through it the facades: a generated class where the
 * interface allows it, a {@link java.lang.reflect.Proxy} where it does not (an interface that is not public cannot
 * be implemented from another class loader).
 */
public final class Facades {

    private Facades() {
    }

    /** The factory to register under {@code slot}'s interface: one facade per consumer bundle. */
    public static ServiceFactory<Object> factory(Slot slot) {
        Class<?> api = slot.type();
        FacadeClassLoader loader = new FacadeClassLoader(api);
        Function<Slot, Object> facades = Modifier.isPublic(api.getModifiers())
                ? generated(loader, api)
                : ProxyFacade::create;
        Class<?> factory = loader.define(FacadeGenerator.factoryName(api), FacadeGenerator.generateFactory(api));
        try {
            return (FacadeFactory) factory.getConstructor(Slot.class, Function.class).newInstance(slot, facades);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the facade factory of " + slot.id(), e);
        }
    }

    private static Function<Slot, Object> generated(FacadeClassLoader loader, Class<?> api) {
        Class<?> facade = loader.define(FacadeGenerator.className(api), FacadeGenerator.generate(api));
        MethodHandle constructor;
        try {
            constructor = MethodHandles.publicLookup()
                    .findConstructor(facade, MethodType.methodType(void.class, Slot.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Generated facade for " + api.getName() + " has no constructor", e);
        }
        return slot -> {
            try {
                return constructor.invoke(slot);
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot create facade for " + slot.id(), e);
            }
        };
    }
}
