package io.patchbay.core.slot;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * After a restart a slot waits for its saved active implementation before serving any call. Once the framework
 * has started (every start level reached, {@code FrameworkEvent.STARTED}), a slot whose saved implementation has
 * not come back falls back on its revert target or what it has, and says so in the ledger; a slot with nothing
 * at all stops waiting for one implementation and takes the first that comes. A restart never picks a route by a
 * race: nothing is decided before the framework has started.
 * <p>
 * A slot created later (its first service registers after the start, or it retired and comes back) waits for its
 * saved implementation while that one's bundle is starting, active or meant to run (a refresh restarting it): only
 * then can it still register. Once its bundle is not (stopped by an operator, uninstalled), the slot falls back the
 * same way, as soon as it has something to fall back on or the bundle stops.
 */
final class Restorer {

    private final Switcher switcher;
    private final Supplier<Bundle[]> bundles;
    private volatile boolean settled;

    Restorer(Switcher switcher, Supplier<Bundle[]> bundles) {
        this.switcher = switcher;
        this.bundles = bundles;
    }

    /** Whether the framework has started. */
    boolean settled() {
        return settled;
    }

    void settle(Collection<Slot> slots) {
        settled = true;
        slots.forEach(slot -> settle(slot, " did not come back after the restart"));
    }

    /** After the start: a slot still waiting stops if nothing can bring its saved implementation back. */
    void recheck(Slot slot) {
        String awaited = slot.awaiting();
        if (settled && awaited != null && !running(awaited)) {
            settle(slot, " is not running");
        }
    }

    private void settle(Slot slot, String why) {
        String awaited;
        synchronized (slot) {
            awaited = slot.awaiting();
            slot.stopAwaiting(); // even with nothing to fall back on: the next implementation to come is routed
        }
        if (awaited == null) {
            return;
        }
        Rerouting.untilRouted(() -> {
            synchronized (slot) {
                return slot.active() != null ? null : slot.fallback().orElse(null);
            }
        }, fallback -> {
            if (fallback != null) {
                switcher.change(slot, fallback, new Switcher.Change("fallback", "framework", awaited + why, null,
                        false));
            }
        });
    }

    /**
     * Whether the host bundle of {@code implementationId} may still register it: it is starting or active, or it is
     * meant to run (persistently started) and only stopped for a moment, as while a refresh restarts it.
     */
    private boolean running(String implementationId) {
        String host = implementationId.split("\\+")[0];
        return Arrays.stream(bundles.get()).anyMatch(b -> Implementation.bundleId(b).equals(host)
                && ((b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0 || persistentlyStarted(b)));
    }

    private static boolean persistentlyStarted(Bundle bundle) {
        BundleStartLevel level = bundle.getState() == Bundle.UNINSTALLED ? null : bundle.adapt(BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }
}
