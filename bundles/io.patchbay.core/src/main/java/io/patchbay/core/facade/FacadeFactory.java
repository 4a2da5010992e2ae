package io.patchbay.core.facade;

import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Registered under the slot's interfaces: every consumer bundle (for a prototype-scoped slot, every
 * {@code ServiceObjects.getService()}) gets its own facade with its own {@link Seat}, for per-consumer accounting
 * and scoped implementations. Instances are of a generated subclass defined beside the facade (see
 * {@link FacadeClassLoader} for why), so this class is public and open.
 */
public class FacadeFactory implements ServiceFactory<Object> {

    private final Slot slot;
    private final Function<Seat, Object> facades;
    private final boolean consumers;
    private final Map<Object, Seat> seats = Collections.synchronizedMap(new IdentityHashMap<>());

    /** @param consumers whether holders count as the slot's consumers (not for the replaced-code service) */
    public FacadeFactory(Slot slot, Function<Seat, Object> facades, boolean consumers) {
        this.slot = slot;
        this.facades = facades;
        this.consumers = consumers;
    }

    @Override
    public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
        Seat seat = new Seat(slot, bundle);
        Object facade = facades.apply(seat);
        seats.put(facade, seat);
        if (consumers) {
            slot.consumers().added(bundle);
        }
        return facade;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
        Seat seat = seats.remove(service);
        if (seat != null) {
            seat.close();
        }
        if (consumers) {
            slot.consumers().removed(bundle);
        }
    }
}
