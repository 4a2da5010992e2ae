package io.patchbay.core.slot;

import io.patchbay.api.SlotUnavailableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * The objects a bundle- or prototype-scoped implementation handed out, one per seat, each obtained through the
 * consumer's own bundle context: the implementation's factory sees the real consumer, as without Patchbay.
 */
final class ScopedObjects {

    private final ServiceReference<?> reference;
    private final boolean prototype;
    private final Map<Seat, Held> held = new ConcurrentHashMap<>();
    private volatile int generation; // bumped when every object is given back: seats' caches are stale then

    ScopedObjects(ServiceReference<?> reference, boolean prototype) {
        this.reference = reference;
        this.prototype = prototype;
    }

    /**
     * The call path: DS registers even singleton components through a service factory, so this is every DS
     * service's path. The seat's one-entry cache makes it two volatile reads; the map is the slow path.
     */
    Object objectFor(Seat seat) {
        Seat.Cached cached = seat.cached;
        int current = generation;
        if (cached != null && cached.owner() == this && cached.generation() == current) {
            return cached.object();
        }
        synchronized (seat) {
            Held mine = held.get(seat);
            if (mine == null) {
                mine = obtain(seat);
                held.put(seat, mine);
            }
            seat.cached = new Seat.Cached(this, current, mine.object);
            return mine.object;
        }
    }

    @SuppressWarnings("unchecked")
    private Held obtain(Seat seat) {
        BundleContext context = seat.consumer().getBundleContext();
        Object object = null;
        ServiceObjects<Object> objects = null;
        if (context != null) {
            try {
                if (prototype) {
                    objects = (ServiceObjects<Object>) context.getServiceObjects(reference);
                    object = objects == null ? null : objects.getService();
                } else {
                    object = context.getService(reference);
                }
            } catch (IllegalStateException | IllegalArgumentException gone) {
                object = null;
            }
        }
        if (object == null) {
            throw new SlotUnavailableException(seat.slot().id() + ": " + reference.getBundle()
                    + " gave no service object for " + seat.consumer().getSymbolicName() + ".");
        }
        return new Held(context, objects, object);
    }

    void release(Seat seat) {
        synchronized (seat) {
            Seat.Cached cached = seat.cached;
            if (cached != null && cached.owner() == this) {
                seat.cached = null; // a stale cache would keep the object, and its class loader, until the next call
            }
        }
        Held gone = held.remove(seat);
        if (gone != null) {
            unget(gone);
        }
    }

    void releaseAll() {
        generation++;
        held.keySet().forEach(this::release);
    }

    private void unget(Held gone) {
        try {
            if (gone.objects != null) {
                gone.objects.ungetService(gone.object);
            } else {
                gone.context.ungetService(reference);
            }
        } catch (IllegalStateException | IllegalArgumentException alreadyReleased) {
            // the consumer or the service went away first: the framework released it
        }
    }

    private record Held(BundleContext context, ServiceObjects<Object> objects, Object object) {
    }
}
