package io.patchbay.core.facade;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** The fallback facade: reflective, so only for interfaces a generated class cannot implement. */
final class ProxyFacade implements InvocationHandler {

    private final Slot slot;

    private ProxyFacade(Slot slot) {
        this.slot = slot;
    }

    static Object create(Slot slot) {
        Class<?> api = slot.type();
        return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api }, new ProxyFacade(slot));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Patchbay facade for " + slot.id();
            };
        }
        Implementation route = slot.enter();
        Object result;
        try {
            method.setAccessible(true);
            result = method.invoke(route.target, args);
        } catch (InvocationTargetException e) {
            throw route.fail(e.getCause());
        } catch (Throwable e) {
            throw route.fail(e);
        }
        route.exit();
        return result;
    }
}
