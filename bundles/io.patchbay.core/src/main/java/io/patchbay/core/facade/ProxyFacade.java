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
    private final Lifecycle lifecycle;

    private ProxyFacade(Seat seat, boolean replaced, Lifecycle lifecycle) {
        this.seat = seat;
        this.replaced = replaced;
        this.lifecycle = lifecycle;
    }

    /** @param lifecycle where start and stop calls go (see {@link Lifecycles}), or null if the interfaces have none */
    static Object create(ClassLoader loader, Seat seat, boolean replaced, Lifecycle lifecycle) {
        return Proxy.newProxyInstance(loader, seat.slot().types().toArray(Class<?>[]::new),
                new ProxyFacade(seat, replaced, lifecycle));
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
        int role = lifecycle == null ? -1 : LifecycleMethods.roleOf(method);
        if (role >= 0) {
            lifecycle.call(role, args == null ? new Object[0] : args);
            return null;
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
