package io.patchbay.core.tracking;

import io.patchbay.core.facade.Lifecycles;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.slot.Slot;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Implementations joining and leaving a slot whose facades a whiteboard runtime started (see {@link Lifecycles}):
 * one that arrives is started at once, on the registering thread, before it is routed; one that leaves is stopped on
 * the {@link RouteOwner} once its calls drained, before its service is given back. Nothing for slots whose
 * interfaces have no lifecycle, or whose facades nobody started.
 */
final class LifecycleReplay {

    private final RouteOwner owner;
    private final LongSupplier drainMillis;

    LifecycleReplay(RouteOwner owner, LongSupplier drainMillis) {
        this.owner = owner;
        this.drainMillis = drainMillis;
    }

    void arrived(Implementation implementation) {
        Lifecycles lifecycles = of(implementation.slot());
        if (lifecycles != null && lifecycles.begun()) {
            lifecycles.arrived(implementation);
        }
    }

    /** Queue before the release of {@code implementation}, so it is stopped before its service is given back. */
    void left(Implementation implementation) {
        Lifecycles lifecycles = of(implementation.slot());
        if (lifecycles != null && lifecycles.begun()) {
            owner.submit("lifecycle stop of " + implementation, () -> {
                try {
                    implementation.awaitDrained(drainMillis.getAsLong(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lifecycles.left(implementation);
            });
        }
    }

    private static Lifecycles of(Slot slot) {
        return slot.publication().registered() instanceof SlotServices services ? services.lifecycles() : null;
    }
}
