package io.patchbay.core.slot;

import io.patchbay.api.SlotUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * One facade's place at a slot: the consumer bundle it was handed to (one per consumer bundle, or one per
 * {@code ServiceObjects.getService()} for a prototype-scoped slot). Scoped implementations give each seat an
 * object of its own, obtained for that consumer; the facade through which a patch calls the code it replaces
 * enters the slot below the patch.
 */
public final class Seat {

    private final Slot slot;
    private final Bundle consumer;
    private volatile Below below;
    private volatile LaneHolder holder;
    private volatile Object lane; // the lane the facade holds; written under the slot's lock
    /** Test hook: runs after a call below has chosen its target, before it is counted there. */
    static volatile Runnable beforeStart = () -> {
    };
    /** The last scoped object this seat was given, see {@link ScopedObjects#objectFor}. */
    volatile Cached cached;

    public Seat(Slot slot, Bundle consumer) {
        this.slot = slot;
        this.consumer = consumer;
    }

    public Slot slot() {
        return slot;
    }

    public Bundle consumer() {
        return consumer;
    }

    /** The generated facade of this seat, which takes a lane when the route allows (see {@link #offerLane}). */
    public void hold(LaneHolder facade) {
        holder = facade;
        slot.laneSeats().seat(this);
    }

    /**
     * A counted call returned: if the route allows a lane (see {@link LaneSeats#laneable}), the facade takes it,
     * and its calls skip the counted path until the slot takes the lanes back (any route change, split or
     * observer).
     */
    void offerLane() {
        LaneSeats seats = slot.laneSeats();
        if (holder != null && lane == null && seats.maker() != null && seats.laneable()) {
            seats.offer(this);
        }
    }

    /** Under the slot's lock. */
    void lane(Object given) {
        lane = given;
        holder.patchbay$lane(given);
    }

    /** Under the slot's lock: the facade's calls take the counted path again. */
    void dropLane() {
        if (lane != null) {
            lane = null;
            holder.patchbay$lane(null);
        }
    }

    /** The call path of a consumer's facade: see {@link Slot#enter(Seat)}. */
    public Implementation enter() {
        return slot.enter(this);
    }

    /**
     * The call path of a replaced-implementation facade: the implementation the consumer (a patch) replaces,
     * counted as started. Never the patch's own implementation, so a patch cannot recurse into itself.
     */
    public Implementation enterBelow() {
        for (;;) {
            int generation = slot.generation();
            Below cached = below;
            Implementation target;
            if (cached != null && cached.generation == generation) {
                target = cached.implementation;
            } else {
                target = below(slot, consumer);
                below = new Below(generation, target);
            }
            if (target == null) {
                throw new SlotUnavailableException(slot.id() + " has no implementation for "
                        + consumer.getSymbolicName() + " to call below itself.");
            }
            beforeStart.run();
            target.started();
            if (slot.generation() == generation) {
                return target; // nothing left or switched since: a drain that begins now sees this call
            }
            target.abandoned(); // the route changed in between: choose again
        }
    }

    /**
     * The implementation a patch in {@code bundle} replaces: the one after it in route order (active, then the
     * revert stack); while the patch is not on the route, the active one; never the patch's own.
     */
    private static Implementation below(Slot slot, Bundle bundle) {
        synchronized (slot) {
            List<Implementation> order = new ArrayList<>();
            if (slot.active() != null) {
                order.add(slot.active());
            }
            slot.previous().forEach(id -> slot.find(id).ifPresent(order::add));
            boolean seen = false;
            for (Implementation candidate : order) {
                if (bundle.equals(candidate.bundle())) {
                    seen = true;
                } else if (seen || order.stream().noneMatch(i -> bundle.equals(i.bundle()))) {
                    return candidate;
                }
            }
            return slot.implementations().stream().filter(i -> !bundle.equals(i.bundle())).findFirst().orElse(null);
        }
    }

    /** The facade is released: give back every object scoped implementations obtained for it. */
    public void close() {
        slot.laneSeats().unseat(this);
        for (Implementation implementation : slot.implementations()) {
            implementation.release(this);
        }
    }

    private record Below(int generation, Implementation implementation) {
    }

    record Cached(Object owner, int generation, Object object) {
    }
}
