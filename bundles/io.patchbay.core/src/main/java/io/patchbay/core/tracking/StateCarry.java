package io.patchbay.core.tracking;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchbayConstants;
import io.patchbay.api.StateHandoff;
import io.patchbay.core.slot.Fallback;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Routed;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.store.CrashPoints;
import io.patchbay.core.store.DataAreaCopy;
import io.patchbay.core.store.DataAreas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * State that travels with a slot: a switch whose leaving implementation has state (a data area with files in it,
 * or a {@link StateHandoff} service object) holds the slot's calls, waits for the leaving one to drain, carries the
 * data area and the in-memory state to the arriving one, and only then routes to it. Anything that fails on the way
 * puts the route back on the leaving implementation, with its state, and refuses the switch with one sentence.
 * Switches without state never come here: their calls are never held.
 */
public final class StateCarry {

    private static final Logger LOG = Logger.getLogger(StateCarry.class.getName());

    private final DataAreas areas;
    private final DataAreaCopy copy;
    private final LongSupplier timeoutMillis;

    /**
     * @param areas where bundles keep their data, or {@code null} to carry none (in-memory state only)
     * @param timeoutMillis the bound of the drain, and again of the handoff
     */
    public StateCarry(DataAreas areas, DataAreaCopy copy, LongSupplier timeoutMillis) {
        this.areas = areas;
        this.copy = copy;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * The manager's: data areas found through the framework, the copy's marker in the manager's {@code data}
     * folder. A copy that a stop interrupted is finished or discarded first, and the log says which.
     */
    public static StateCarry ofFramework(BundleContext manager, Path data, LongSupplier timeoutMillis) {
        DataAreaCopy copy = new DataAreaCopy(data.resolve("carrying-data-area"));
        try {
            String recovered = copy.recover();
            if (recovered != null) {
                LOG.warning(recovered);
            }
        } catch (IOException e) {
            LOG.warning("A data area copy that the container stopped in the middle of could not be finished: " + e);
        }
        return new StateCarry(new DataAreas(data, manager.getBundle().getBundleId()), copy, timeoutMillis);
    }

    /** In-memory state only, within {@code timeoutMillis} (tests, and a framework without data areas). */
    public static StateCarry inMemory(LongSupplier timeoutMillis) {
        return new StateCarry(null, null, timeoutMillis);
    }

    /** Whether a switch from {@code from} to {@code to} has state to carry, so it must hold the slot's calls. */
    public boolean wanted(Implementation from, Implementation to) {
        return from != null && to != null && from != to && (handsOff(from, to) || carriesArea(from, to));
    }

    /**
     * Completes a switch whose slot routes to nothing since {@code held} left the route: its calls wait. Drains,
     * carries, hands off, routes to {@code next}. On any failure the route goes back to {@code held} and the
     * exception is thrown.
     *
     * @return the route change, from {@code held}
     * @throws PatchException if the state could not be carried; {@code held} serves again
     */
    public Carried complete(Slot slot, Implementation held, Implementation next, Switcher.Change change, long now) {
        try {
            CrashPoints.reached(change.action(), "held");
            long timeout = timeoutMillis.getAsLong();
            if (!drained(held, timeout) || !drained(next, timeout)) {
                throw refused(slot, held, next, change, "calls were still running after " + timeout + " ms");
            }
            boolean carried = carryArea(slot, held, next, change);
            CrashPoints.reached(change.action(), "copied");
            String handed = handsOff(held, next) ? handOff(slot, held, next, change, timeout) : null;
            CrashPoints.reached(change.action(), "handed");
            Routed routed;
            synchronized (slot) {
                routed = slot.reroute(next, change.remember(), now);
            }
            held.releaseScoped(); // drained and no longer routed: its consumers get new objects from the new route
            String note = (carried ? "data area carried" : "") + (carried && handed != null ? "; " : "")
                    + (handed == null ? "" : "state handed over: " + handed);
            if (!note.isEmpty()) {
                LOG.fine(slot.id() + " now runs " + next.id() + " instead of " + held.id() + ": " + note);
            }
            return new Carried(routed, note);
        } catch (RuntimeException | Error failure) {
            resume(slot, held, now);
            throw failure;
        }
    }

    /**
     * Before {@code arriving} starts (a patch just installed, a standby restarted before it serves), its data area
     * becomes a copy of {@code from}'s, so a bundle that reads its area when it starts (a configuration admin, most
     * stores) reads what its predecessor wrote. The held switch copies again what was written since.
     *
     * @throws PatchException if the copy failed; the caller changes nothing
     */
    public void seed(Implementation from, Bundle arriving) {
        Bundle leavingBundle = from == null ? null : from.bundle();
        if (areas == null || leavingBundle == null || leavingBundle.equals(arriving)) {
            return;
        }
        Path leaving = areas.of(leavingBundle);
        Path target = areas.of(arriving);
        if (leaving == null || target == null || !DataAreaCopy.worthCarrying(leaving, target)) {
            return;
        }
        try {
            copy.replace(leaving, target);
        } catch (IOException | RuntimeException e) {
            throw new PatchException("The data area of " + from.id() + " could not be copied to " + arriving
                    + " before it started (" + e + "); nothing changed.");
        }
    }

    /**
     * Whether {@code arriving}, a running standby, read a data area other than the one {@code from} would hand it:
     * it takes no in-memory handoff and the two areas differ, so it must restart (after {@link #seed}) to see it.
     */
    public boolean readsStaleArea(Implementation from, Implementation arriving) {
        if (from == null || arriving == null || from == arriving || handsOff(from, arriving)
                || !carriesArea(from, arriving)) {
            return false;
        }
        try {
            return !DataAreaCopy.sameContent(areas.of(from.bundle()), areas.of(arriving.bundle()));
        } catch (IOException e) {
            return true;
        }
    }

    /** A switch that carried state: its route change, and what it carried for the ledger. */
    public record Carried(Routed routed, String note) {
    }

    private static String handOff(Slot slot, Implementation held, Implementation next, Switcher.Change change,
            long timeout) {
        try {
            return HandOff.run((StateHandoff) held.target, (StateHandoff) next.target, timeout);
        } catch (IllegalStateException failed) {
            throw refused(slot, held, next, change, failed.getMessage());
        }
    }

    private boolean carryArea(Slot slot, Implementation held, Implementation next, Switcher.Change change) {
        if (!carriesArea(held, next)) {
            return false;
        }
        try {
            Path leaving = areas.of(held.bundle());
            Path arriving = areas.of(next.bundle());
            if (leaving == null || arriving == null) {
                return false; // a bundle went away since the switch was decided: its area goes with it
            }
            copy.replace(leaving, arriving);
            return true;
        } catch (IOException | RuntimeException e) {
            throw refused(slot, held, next, change, "its data area could not be copied (" + e + ")");
        }
    }

    /** The route goes back to the implementation the switch left, or, if that went away meanwhile, its fallback. */
    private static void resume(Slot slot, Implementation held, long now) {
        synchronized (slot) {
            if (slot.active() != null) {
                return;
            }
            if (!held.gone()) {
                slot.reroute(held, false, now);
            } else {
                slot.fallback().ifPresent(fallback -> slot.routeIf(null, fallback,
                        Fallback.because(held.id() + " went away while its state was being carried"), now));
            }
        }
    }

    private static PatchException refused(Slot slot, Implementation held, Implementation next,
            Switcher.Change change, String why) {
        return new PatchException("The " + change.action() + " of " + slot.id() + " to " + next.id()
                + " was refused because " + why + "; " + held.id() + " keeps serving with its state.");
    }

    private static boolean drained(Implementation implementation, long timeout) {
        try {
            return implementation.awaitDrained(timeout, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean handsOff(Implementation from, Implementation to) {
        return HandOff.between(from.target, to.target) && !prototype(from) && !prototype(to);
    }

    /**
     * A canary runs both implementations side by side, each with its own state, and its promotion replaces what the
     * candidate's share of calls changed: refused between two {@link StateHandoff} implementations unless both
     * declare their state shareable ({@link PatchbayConstants#STATE_SHAREABLE}).
     */
    public static void requireCanaryFits(Slot slot, Implementation baseline, Implementation candidate) {
        if (stateful(baseline) && stateful(candidate) && !(shareable(baseline) && shareable(candidate))) {
            throw new PatchException("A canary of " + candidate.id() + " in " + slot.id() + " was refused: it and "
                    + baseline.id() + " each keep their own state (StateHandoff), which a canary would split; apply"
                    + " it instead, or declare the state shareable with " + PatchbayConstants.STATE_SHAREABLE + "=true.");
        }
    }

    /** Whether the implementation's registration lets a canary split its state. */
    static boolean shareable(Implementation implementation) {
        return Boolean.parseBoolean(String.valueOf(implementation.reference().getProperty(
                PatchbayConstants.STATE_SHAREABLE)));
    }

    /** Whether it keeps in-memory state to hand off ({@link StateHandoff}). */
    public static boolean stateful(Implementation implementation) {
        return implementation.target instanceof StateHandoff;
    }

    /**
     * A prototype's consumers each have an object of their own, with state of its own: not handed off. A bundle
     * scope is what the framework reports for every DS component of the default scope (it registers a factory that
     * hands every consumer the one instance), so it is.
     */
    private static boolean prototype(Implementation implementation) {
        return Constants.SCOPE_PROTOTYPE.equals(implementation.scope());
    }

    private boolean carriesArea(Implementation from, Implementation to) {
        Bundle leavingBundle = from.bundle();
        Bundle arrivingBundle = to.bundle();
        if (areas == null || leavingBundle == null || arrivingBundle == null || leavingBundle.equals(arrivingBundle)) {
            return false; // a fragment patch runs in its host: one bundle, one area
        }
        Path leaving = areas.of(leavingBundle);
        Path arriving = areas.of(arrivingBundle);
        return leaving != null && arriving != null && DataAreaCopy.worthCarrying(leaving, arriving);
    }
}
