package io.patchbay.core.tracking;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Standbys stay quiet. A <em>standby bundle</em> hosts implementations of managed slots and none of them is routed
 * (neither active nor a canary's arm) and no operation is waiting for it: the predecessor kept for revert, a patch
 * installed but not switched to, a rejected canary candidate. It stays started, so it is ready to serve its slot at
 * once, but it hears of no service that another bundle registers or modifies while it is a standby
 * ({@link HidingHooks} removes its listeners from those events): a standby configuration admin delivers nothing to
 * a {@code ManagedService} that arrives, a standby event admin takes no new handler, a standby whiteboard serves
 * nothing new. It still hears a service it knows go away, so it never holds a dead one.
 * <p>
 * What it did not hear it must see before it serves: the framework never delivers an event again, so a switch to
 * a standby bundle that missed one first restarts that bundle ({@link #switchTo}), as a refresh would, and routes to
 * the implementation it registers again. A standby that missed nothing is routed at once, as before.
 */
public final class QuietStandbys {

    private static final Logger LOG = Logger.getLogger(QuietStandbys.class.getName());

    private final Supplier<List<Slot>> slots;
    private final Expectations expectations;
    private final StateCarry carry;
    /** Bundles an operation is switching to: not quiet from its decision until its switch has run. */
    private final Set<Long> arriving = ConcurrentHashMap.newKeySet();
    /** By bundle id: the services it was kept from hearing of that are still registered. */
    private final Map<Long, Set<Long>> missed = new ConcurrentHashMap<>();

    QuietStandbys(Supplier<List<Slot>> slots, Expectations expectations, StateCarry carry) {
        this.slots = slots;
        this.expectations = expectations;
        this.carry = carry;
    }

    /** The ids of the standby bundles now: one pass over the slots. */
    Set<Long> bundles() {
        Map<Long, Bundle> hosting = new HashMap<>();
        Set<Long> routed = new HashSet<>();
        for (Slot slot : slots.get()) {
            Implementation active = slot.active();
            Split split = slot.split();
            for (Implementation implementation : slot.implementations()) {
                Bundle bundle = implementation.bundle();
                if (bundle == null) {
                    continue;
                }
                hosting.put(bundle.getBundleId(), bundle);
                if (implementation == active || split != null && (split.candidate() == implementation
                        || split.baseline() == implementation)) {
                    routed.add(bundle.getBundleId());
                }
            }
        }
        hosting.keySet().removeAll(routed);
        hosting.values().removeIf(expectations::expects); // apply is about to route it
        hosting.keySet().removeAll(arriving);
        return hosting.keySet();
    }

    /** Whether {@code bundle} is a standby bundle now. */
    public boolean isStandby(Bundle bundle) {
        return bundle != null && bundles().contains(bundle.getBundleId());
    }

    /** A standby bundle was kept from hearing of a service: it must restart before it serves, unless that goes. */
    void missed(long bundleId, long serviceId) {
        missed.computeIfAbsent(bundleId, id -> ConcurrentHashMap.newKeySet()).add(serviceId);
    }

    /** A service is unregistering: every standby hears that, so one that missed only this one missed nothing. */
    void gone(long serviceId) {
        missed.values().forEach(services -> services.remove(serviceId));
    }

    /** Whether {@code bundle} was kept from hearing of a service that is still registered, since it last started. */
    public boolean hasMissed(Bundle bundle) {
        Set<Long> services = bundle == null ? null : missed.get(bundle.getBundleId());
        return services != null && !services.isEmpty();
    }

    /**
     * Runs {@code change} (a switch to {@code chosen}, or a canary with it) on the implementation to route: if its
     * bundle missed services while it was a standby, it is restarted first and {@code change} gets the
     * implementation it registers again. From here until {@code change} returns the bundle is not quiet, so it
     * misses nothing between this decision and its route. The route is not touched before {@code change}: a
     * failed restart throws a {@link PatchException} and nothing changed.
     */
    public <T> T switchTo(Slot slot, Implementation chosen, long timeoutMillis, Function<Implementation, T> change) {
        Bundle bundle = chosen.bundle();
        if (bundle == null) {
            return change.apply(chosen);
        }
        boolean first = arriving.add(bundle.getBundleId());
        try {
            return change.apply(wake(slot, chosen, timeoutMillis));
        } finally {
            if (first) {
                arriving.remove(bundle.getBundleId());
            }
        }
    }

    /**
     * If {@code chosen}'s bundle missed services while it was a standby, restarts it and answers the implementation
     * it registers again for {@code slot}; else answers {@code chosen}.
     */
    Implementation wake(Slot slot, Implementation chosen, long timeoutMillis) {
        Bundle bundle = chosen.bundle();
        Implementation active = slot.active();
        boolean staleArea = carry.readsStaleArea(active, chosen);
        if (!hasMissed(bundle) && !staleArea || active == chosen) {
            return chosen;
        }
        long started = System.nanoTime();
        Expectations.Expectation expected = expectations.expect(bundle, slot, List.of(slot), false);
        try {
            bundle.stop(Bundle.STOP_TRANSIENT);
            if (staleArea) {
                carry.seed(active, bundle); // it reads its data area when it starts: its predecessor's
            }
            bundle.start(Bundle.START_TRANSIENT); // expected, so not quiet: it hears everything from here on
            missed.remove(bundle.getBundleId());
            Implementation woken = expected.arrival().get(timeoutMillis, TimeUnit.MILLISECONDS);
            LOG.info(chosen.id() + (staleArea ? " reads its data area when it starts, and its predecessor's differs"
                    : " missed services while it was a standby") + " of " + slot.id() + "; restarted before the switch in " + (System.nanoTime() - started) / 1_000_000 + " ms.");
            return woken;
        } catch (BundleException | IllegalStateException e) {
            throw refused(chosen, slot, "its restart failed: " + e.getMessage());
        } catch (TimeoutException e) {
            throw refused(chosen, slot, "it registered no implementation within " + timeoutMillis + " ms of its"
                    + " restart");
        } catch (ExecutionException e) {
            throw refused(chosen, slot, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(chosen, slot, "interrupted while it restarted");
        } finally {
            expectations.forget(expected);
        }
    }

    private static PatchException refused(Implementation chosen, Slot slot, String why) {
        return new PatchException(chosen.id() + " was restarted before it serves " + slot.id()
                + " (it missed services while it was a standby, or reads its data area when it starts), but " + why + "; " + slot.id() + " stays on "
                + (slot.currentId() == null ? "nothing" : slot.currentId()) + ".");
    }
}
