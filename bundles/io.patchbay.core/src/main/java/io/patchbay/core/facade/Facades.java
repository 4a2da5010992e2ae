package io.patchbay.core.facade;

import io.patchbay.core.slot.LaneHolder;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Function;
import org.osgi.framework.ServiceFactory;

/**
 * Makes the service factories registered for a slot, and through them the facades: a generated class where the
 * interfaces allow it, a {@link java.lang.reflect.Proxy} where they do not (an interface that is not public
 * cannot be implemented from another class loader). Both factories of a slot share one class loader.
 */
public final class Facades {

    private final Slot slot;
    private final FacadeClassLoader loader;
    private final Lifecycles lifecycles;

    private Facades(Slot slot) {
        this.slot = slot;
        // one name for all facade loaders of a slot (tests make several), unique among slots alive together
        this.loader = new FacadeClassLoader(slot.types(), slot.id() + "@" + Integer.toHexString(
                System.identityHashCode(slot)));
        this.lifecycles = new Lifecycles(slot);
        if (generatable(slot.types())) {
            slot.laneSeats().maker(new FacadeLanes(loader, slot));
        }
    }

    /** The lifecycle calls of the slot's facades (see {@link Lifecycles}). */
    public Lifecycles lifecycles() {
        return lifecycles;
    }

    /** The facade maker of one slot; it holds the slot's class loader, which goes when the slot goes. */
    public static Facades of(Slot slot) {
        return new Facades(slot);
    }

    /** For tests: the facade factory of a slot of its own. */
    public static ServiceFactory<Object> factory(Slot slot, boolean prototype) {
        return of(slot).factory(prototype);
    }

    /** The facade factory: one facade per consumer bundle, or per getService when {@code prototype}. */
    public ServiceFactory<Object> factory(boolean prototype) {
        Function<Seat, Object> facades = generatable(slot.types()) ? generated(loader, slot, lifecycles)
                : seat -> ProxyFacade.create(loader, seat, false, lifecycles.of(seat));
        return newFactory(loader, slot, prototype, facades, true);
    }

    /** The factory of the service through which patches call the code they replace; its class is made lazily. */
    public ServiceFactory<Object> replacedFactory() {
        Function<Seat, Object> facades = new Function<>() {
            private Function<Seat, Object> made;

            @Override
            public synchronized Object apply(Seat seat) {
                if (made == null) {
                    made = generatable(slot.types()) ? generated(loader, slot, null)
                            : s -> ProxyFacade.create(loader, s, true, null);
                }
                return made.apply(seat);
            }
        };
        return newFactory(loader, slot, false, facades, false);
    }

    private static boolean generatable(List<Class<?>> types) {
        return types.stream().allMatch(t -> Modifier.isPublic(t.getModifiers()));
    }

    private static ServiceFactory<Object> newFactory(FacadeClassLoader loader, Slot slot, boolean prototype,
            Function<Seat, Object> facades, boolean consumers) {
        Class<?> parent = prototype ? PrototypeFacadeFactory.class : FacadeFactory.class;
        String name = FacadeGenerator.factoryName(slot.type(), parent);
        Class<?> factory;
        synchronized (loader) {
            try {
                factory = loader.loadClass(name);
            } catch (ClassNotFoundException notYet) {
                factory = loader.define(name, FacadeGenerator.generateFactory(name, parent));
            }
        }
        try {
            return (FacadeFactory) factory.getConstructor(Slot.class, Function.class, boolean.class)
                    .newInstance(slot, facades, consumers);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the facade factory of " + slot.id(), e);
        }
    }

    /** Facades of the generated class; {@code lifecycles} null for the replaced-code facade, which has none. */
    private static Function<Seat, Object> generated(FacadeClassLoader loader, Slot slot, Lifecycles lifecycles) {
        boolean replaced = lifecycles == null;
        String name = FacadeGenerator.className(slot.type(), replaced);
        Class<?> facade;
        synchronized (loader) {
            try {
                facade = loader.loadClass(name);
            } catch (ClassNotFoundException notYet) {
                facade = loader.define(name, FacadeGenerator.generate(slot.types(), replaced));
            }
        }
        MethodHandle constructor;
        try {
            constructor = MethodHandles.publicLookup()
                    .findConstructor(facade, MethodType.methodType(void.class, Slot.class, Seat.class, Lifecycle.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Generated facade for " + slot.id() + " has no constructor", e);
        }
        return seat -> {
            try {
                Object made = constructor.invoke(slot, seat, replaced ? null : lifecycles.of(seat));
                if (!replaced) {
                    seat.hold((LaneHolder) made);
                }
                return made;
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot create facade for " + slot.id(), e);
            }
        };
    }
}
