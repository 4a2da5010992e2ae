package io.patchbay.core.facade;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lifecycle calls never wait for a route. A whiteboard runtime starts a facade ({@code Servlet.init}) when it is
 * registered and stops it ({@code destroy}) when it is unregistered, on the thread that registers or unregisters:
 * at that moment the slot may have no route (an implementation re-registering, a slot retiring), and a routed call
 * would wait the damping timeout there. So a facade's start and stop calls go to its {@link Lifecycle}, which
 * remembers the start's arguments and hands them to the slot's implementations at once: every implementation of the
 * slot is started when the facade is, one that joins later is started as it arrives (before it is routed), and one
 * that leaves is stopped after its calls drained. The route and the ordinary calls are untouched.
 * <p>
 * One per slot, shared by its facades; {@code methods} are the lifecycle methods of the slot's interfaces.
 */
public final class Lifecycles {

    private final Slot slot;
    private final Method[] methods;
    private final Set<Lifecycle> begun = ConcurrentHashMap.newKeySet();

    public Lifecycles(Slot slot) {
        this.slot = slot;
        this.methods = LifecycleMethods.of(slot.types());
    }

    /** The lifecycle of a new facade at {@code seat}, or {@code null} if the slot's interfaces have none. */
    Lifecycle of(Seat seat) {
        return methods == null ? null : new Lifecycle(this, seat);
    }

    /** {@code implementation} joined the slot: every started facade starts it, with the arguments it was given. */
    public void arrived(Implementation implementation) {
        for (Lifecycle lifecycle : begun) {
            lifecycle.arrived(implementation);
        }
    }

    /** {@code implementation} left and drained: each facade that started it stops it, unless its object serves on. */
    public void left(Implementation implementation) {
        for (Lifecycle lifecycle : begun) {
            lifecycle.left(implementation);
        }
    }

    /** Whether any facade of the slot has been started and not stopped. */
    public boolean begun() {
        return !begun.isEmpty();
    }

    Slot slot() {
        return slot;
    }

    Method method(int role) {
        return methods[role];
    }

    void begun(Lifecycle lifecycle, boolean started) {
        if (started) {
            begun.add(lifecycle);
        } else {
            begun.remove(lifecycle);
        }
    }
}
