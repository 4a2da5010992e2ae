package io.patchbay.core.tracking;

import io.patchbay.core.slot.Fallback;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Rerouting;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.slot.Slot;
import java.util.Arrays;
import java.util.Collection;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;
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
 * same way, as soon as it has something to fall back on or the bundle stops. A bundle that runs but never registers
 * the saved service is waited for at most the restore timeout. The fallback is routed in memory on the thread
 * that noticed (a framework event), and recorded by the {@link RouteOwner}.
 */
final class Restorer {

    private final Switcher switcher;
    private final RouteOwner owner;
    private final Supplier<Bundle[]> bundles;
    private final LongSupplier waitMillis;
    /** Slots with a deadline scheduled; weak, as the scheduled check is: a retired slot must not be kept. */
    private final Set<Slot> deadlines = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private volatile boolean settled;

    Restorer(Switcher switcher, RouteOwner owner, Supplier<Bundle[]> bundles, LongSupplier waitMillis) {
        this.switcher = switcher;
        this.owner = owner;
        this.bundles = bundles;
        this.waitMillis = waitMillis;
    }

    /** Whether the framework has started. */
    boolean settled() {
        return settled;
    }

    void settle(Collection<Slot> slots) {
        settled = true;
        slots.forEach(slot -> settle(slot, " did not come back after the restart"));
    }

    /**
     * After the start: a slot still waiting stops if nothing can bring its saved implementation back; if its
     * bundle is running, it waits at most the restore timeout for its service.
     */
    void recheck(Slot slot) {
        String awaited = slot.awaiting();
        if (!settled || awaited == null) {
            return;
        }
        if (!running(awaited)) {
            settle(slot, " is not running");
        } else if (deadlines.add(slot)) {
            long millis = waitMillis.getAsLong();
            WeakReference<Slot> waiting = new WeakReference<>(slot);
            owner.schedule("restore deadline of " + slot.id(), millis, () -> {
                Slot still = waiting.get();
                if (still != null && deadlines.remove(still) && awaited.equals(still.awaiting())) {
                    settle(still, "'s bundle is running but did not register its service within " + millis + " ms");
                }
            });
        }
    }

    /** Stops waiting and, in memory, routes to the fallback; the owner records it. */
    private void settle(Slot slot, String why) {
        String awaited;
        synchronized (slot) {
            awaited = slot.awaiting();
            slot.stopAwaiting(); // even with nothing to fall back on: the next implementation to come is routed
        }
        if (awaited == null) {
            return;
        }
        Fallback fallback = Fallback.because(awaited + why);
        Rerouting.untilRouted(() -> {
            synchronized (slot) {
                return slot.active() != null ? null : slot.fallback().orElse(null);
            }
        }, next -> {
            if (next != null && slot.routeIf(null, next, fallback, System.currentTimeMillis())) {
                slot.followActive();
                owner.submit("record of the fallback of " + slot.id(), () -> switcher.recordFallbacks(slot));
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
