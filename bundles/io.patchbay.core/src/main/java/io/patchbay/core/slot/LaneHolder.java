package io.patchbay.core.slot;

/**
 * A generated facade that calls through a lane while it has one (see {@link Seat#offerLane}). The method's name
 * cannot clash with an interface method a facade forwards.
 */
public interface LaneHolder {

    /** The lane every call of this facade takes from now on, or {@code null} for the counted path. */
    void patchbay$lane(Object lane);
}
