package io.patchbay.core.tracking;

import io.patchbay.core.slot.Fallback;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Rerouting;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.slot.Slot;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * What an implementation's unregistration does: at once, in memory, on the framework's thread, it leaves its slot
 * and the route falls back if it pointed there; then, on the {@link RouteOwner}, the fallback is recorded, and the
 * implementation is drained (whatever its role: active, a canary's arm, the code a patch calls below itself) before
 * its scoped objects are released and its service is given back.
 */
final class Departures {

    private static final Logger LOG = Logger.getLogger(Departures.class.getName());

    private final BundleContext context;
    private final Switcher switcher;
    private final RouteOwner owner;
    private final Consumer<Implementation> departing;

    Departures(BundleContext context, Switcher switcher, RouteOwner owner, Consumer<Implementation> departing) {
        this.context = context;
        this.switcher = switcher;
        this.owner = owner;
        this.departing = departing;
    }

    /** It is gone: no route and no split may point there from now on; a canary it is an arm of ends. */
    void left(Slot slot, Implementation implementation, boolean shuttingDown) {
        slot.remove(implementation);
        if (!shuttingDown) {
            departing.accept(implementation); // while the framework stops, a canary stays open for the next start
        }
    }

    /**
     * If the route still points at {@code gone}, it moves to the slot's fallback now, unless an operator switched
     * it in the meantime, and the owner records the move. While it is held (its host restarts, or it registers
     * again), calls wait for it (no route);
     * while the framework stops, the fallback is not recorded (the saved route is what a restart restores).
     */
    void fallBack(Slot slot, Implementation gone, boolean held, boolean shuttingDown) {
        boolean recorded = !held && !shuttingDown;
        Fallback fallback = recorded ? Fallback.because(gone.id() + " went away") : null;
        Rerouting.untilRouted(() -> held ? null : slot.fallback().orElse(null),
                next -> slot.routeIf(gone, next, fallback, System.currentTimeMillis()));
        slot.followActive();
        if (recorded) {
            owner.submit("record of the fallback of " + slot.id(), () -> switcher.recordFallbacks(slot));
        }
    }

    /** Queued: waits for its calls, then gives back what was obtained from it. */
    void release(Implementation implementation, ServiceReference<?> reference) {
        owner.submit("release of " + implementation, () -> {
            try {
                if (!implementation.awaitDrained(switcher.drainMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warning(implementation + " still had calls running "
                            + switcher.drainMillis() + " ms after it went away");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            implementation.releaseScoped();
            context.ungetService(reference);
        });
    }
}
