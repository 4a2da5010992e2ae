package io.patchbay.core.slot;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The seats of a slot whose facades can take a lane, under the slot's lock. A facade holds a lane only while the
 * route is plain (see {@link #plainRouteTo}); every route change, split and observer takes all lanes back before
 * it returns, which is what lets {@link Grace} decide a drain from thread stacks.
 */
public final class LaneSeats {

    private final Slot slot;
    private final Set<Seat> seats = Collections.newSetFromMap(new WeakHashMap<>()); // guarded by slot
    private volatile Lanes maker;

    LaneSeats(Slot slot) {
        this.slot = slot;
    }

    /** The facade side's lanes; the slot's first facade maker sets them. Without them, every call is counted. */
    public void maker(Lanes lanes) {
        synchronized (slot) {
            if (maker == null) {
                maker = lanes;
            }
        }
    }

    Lanes maker() {
        return maker;
    }

    void seat(Seat seat) {
        synchronized (slot) {
            seats.add(seat);
        }
    }

    void unseat(Seat seat) {
        synchronized (slot) {
            seats.remove(seat);
            seat.dropLane();
        }
    }

    /** Whether a call to {@code implementation} may take its lane: it is the route, unsplit and unobserved. */
    boolean plainRouteTo(Implementation implementation) {
        return slot.split() == null && slot.active() == implementation && !implementation.observed()
                && !implementation.gone();
    }

    void give(Seat seat, Implementation implementation, Object lane) {
        synchronized (slot) {
            if (plainRouteTo(implementation) && seats.contains(seat)) {
                implementation.laneIssued();
                seat.lane(implementation, lane);
            }
        }
    }

    /** Every facade's calls take the counted path again. */
    public void takeBack() {
        synchronized (slot) {
            for (Seat seat : seats) {
                seat.dropLane();
            }
        }
    }
}
