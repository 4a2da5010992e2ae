package io.patchbay.core.slot;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The seats of a slot whose facades can take a lane, under the slot's lock. A facade holds a lane only while the
 * route allows one (see {@link #laneable}): the active implementation's lane, or during a canary a split lane over
 * both arms' lanes. Every route change, split and observer change takes all lanes back before it returns, which
 * is what lets {@link Grace} decide a drain from one safepoint.
 */
public final class LaneSeats {

    private final Slot slot;
    private final Set<Seat> seats = Collections.newSetFromMap(new WeakHashMap<>()); // guarded by slot
    private volatile Lanes maker;
    private volatile long takeBacks; // written under the slot's lock

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

    /**
     * Whether calls may take lanes now: an active implementation that no trace observes (a trace wants every
     * call and its consumer), and if a canary splits it, a candidate that no trace observes either. A canary's
     * arm may observe: its lanes time the calls it samples.
     */
    boolean laneable() {
        return laneable(slot.active(), slot.split());
    }

    private static boolean laneable(Implementation active, Split split) {
        if (active == null || active.gone() || active.traced()) {
            return false;
        }
        return split == null
                || split.baseline() == active && !split.candidate().gone() && !split.candidate().traced();
    }

    /**
     * Gives {@code seat} the lane the route allows now, if it allows one. The lane is made outside the slot's lock
     * (a scoped implementation may obtain the seat's object from the framework), and given only if no take-back
     * came in between.
     */
    void offer(Seat seat) {
        Lanes lanes = maker;
        long seen = takeBacks;
        Implementation active = slot.active();
        Split split = slot.split();
        if (lanes == null || !laneable(active, split)) {
            return;
        }
        Object lane = active.laneFor(seat, lanes); // also makes its lane type, whose loader a drain looks for
        if (split != null) {
            Object candidate = split.candidate().laneFor(seat, lanes);
            Object share = split.decidesByGaps() ? active.shareLaneFor(seat, lanes, split, candidate) : null;
            lane = share != null ? share : lanes.splitLane(split, seat, lane, candidate);
        }
        synchronized (slot) {
            if (takeBacks != seen || !seats.contains(seat)) {
                return; // the route, a split or an observer changed since: the next counted call offers again
            }
            active.laneIssued();
            if (split != null) {
                split.candidate().laneIssued();
            }
            seat.lane(lane);
        }
    }

    /** Every facade's calls take the counted path again. */
    public void takeBack() {
        synchronized (slot) {
            takeBacks++;
            for (Seat seat : seats) {
                seat.dropLane();
            }
        }
    }
}
