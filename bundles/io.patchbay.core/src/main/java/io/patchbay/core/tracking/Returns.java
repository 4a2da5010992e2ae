package io.patchbay.core.tracking;

import io.patchbay.core.slot.Fallback;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Rerouting;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.slot.Slot;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.osgi.framework.Bundle;

/**
 * A slot outlives its registrations. An implementation that unregisters while its bundle stays active (a DS
 * component reactivated on a configuration change, a whiteboard service registered again) is waited for: the route
 * goes to nothing, so calls wait (damping) instead of falling back, and when the same bundle registers again it is
 * routed at once, patch and facade unchanged. One whose bundle stops falls back as before. Either way, a slot left
 * with no route gets one damping timeout: if nothing came back by then, the owner falls back (recorded) or, with no
 * implementation left, retires the slot and its facade goes.
 * <p>
 * The framework's thread only reroutes in memory and schedules the look; the look runs on the {@link RouteOwner}.
 */
final class Returns {

    /** A slot left with no route by a departure: {@code awaited} is the id that may come back, or null for any. */
    private record Pending(long number, String awaited) {
    }

    private final Departures departures;
    private final Switcher switcher;
    private final RouteOwner owner;
    private final LongSupplier dampingMillis;
    private final BiConsumer<Slot, String> retire;
    private final Map<Slot, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong departuresSeen = new AtomicLong();

    Returns(Departures departures, Switcher switcher, RouteOwner owner, LongSupplier dampingMillis,
            BiConsumer<Slot, String> retire) {
        this.departures = departures;
        this.switcher = switcher;
        this.owner = owner;
        this.dampingMillis = dampingMillis;
        this.retire = retire;
    }

    /** On the framework's thread, after {@code gone} left its slot: hold for it, or fall back, in memory. */
    void left(Slot slot, Implementation gone) {
        Bundle bundle = gone.bundle();
        boolean reregistering = bundle != null && bundle.getState() == Bundle.ACTIVE;
        departures.fallBack(slot, gone, reregistering, false);
        boolean wasRouted = gone.id().equals(slot.currentId());
        if (slot.active() != null || !wasRouted && (pending.containsKey(slot) || !slot.implementations().isEmpty())) {
            return; // the route went on, or the slot waits for another
        }
        Pending waiting = new Pending(departuresSeen.incrementAndGet(), wasRouted && reregistering ? gone.id() : null);
        pending.put(slot, waiting);
        long timeout = dampingMillis.getAsLong();
        owner.schedule("look whether " + gone.id() + " came back to " + slot.id(), timeout,
                () -> look(slot, waiting, gone.id(), timeout));
    }

    /** Whether {@code arriving} stays a standby because the slot waits for the implementation that left it. */
    boolean waitsForAnother(Slot slot, Implementation arriving) {
        Pending waiting = pending.get(slot);
        return waiting != null && waiting.awaited() != null && !waiting.awaited().equals(arriving.id());
    }

    /** On the owner, a damping timeout after the departure: if nothing came back, fall back or retire. */
    private void look(Slot slot, Pending waiting, String goneId, long waited) {
        if (!pending.remove(slot, waiting) || slot.retired() || slot.active() != null) {
            return; // it came back, or a later departure looks for itself
        }
        Fallback because = Fallback.because(goneId + " went away and did not come back within " + waited + " ms");
        Rerouting.untilRouted(() -> slot.fallback().orElse(null),
                next -> routed(slot, next, because));
        if (slot.active() != null) {
            slot.followActive();
            switcher.recordFallbacks(slot);
        } else {
            retire.accept(slot, goneId + " went away and nothing came back within " + waited + " ms");
        }
    }

    private static void routed(Slot slot, Implementation next, Fallback because) {
        if (next != null) {
            slot.routeIf(null, next, because, System.currentTimeMillis());
        }
    }
}
