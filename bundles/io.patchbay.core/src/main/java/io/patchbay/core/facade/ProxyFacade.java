package io.patchbay.core.facade;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** The fallback facade: reflective, so only for interfaces a generated class cannot implement. */
final class ProxyFacade implements InvocationHandler {

    private final Seat seat;
    private final boolean replaced;

    private ProxyFacade(Seat seat, boolean replaced) {
        this.seat = seat;
        this.replaced = replaced;
    }

    static Object create(ClassLoader loader, Seat seat, boolean replaced) {
        return Proxy.newProxyInstance(loader, seat.slot().types().toArray(Class<?>[]::new),
                new ProxyFacade(seat, replaced));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Patchbay facade for " + seat.slot().id();
            };
        }
        Implementation route = replaced ? seat.enterBelow() : seat.enter();
        long start = route.clock();
        Object result;
        try {
            method.setAccessible(true);
            result = method.invoke(route.targetFor(seat), args);
        } catch (InvocationTargetException e) {
            throw route.fail(e.getCause(), start, seat);
        } catch (Throwable e) {
            throw route.fail(e, start, seat);
        }
        route.exit(start, seat);
        return result;
    }
}
