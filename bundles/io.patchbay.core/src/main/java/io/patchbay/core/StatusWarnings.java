package io.patchbay.core;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * The surprises {@code patch:status} and the console warn of, one sentence each: a slot kept on a patch although a
 * newer version of the same bundle that it never ran is installed (a saved route that shadows a later release), a standby idle and
 * installed for longer than {@code standby.idle.warn.ms}, and an active implementation failing more than the one
 * before it did.
 */
final class StatusWarnings {

    /** Fewer calls than this on either side say nothing about who fails more. */
    static final long MIN_CALLS = 10;

    private StatusWarnings() {
    }

    static List<String> of(List<Slot> slots, Bundle[] bundles, Rejections rejections, long idleWarnMillis, long now) {
        List<String> warnings = new ArrayList<>();
        for (Slot slot : slots) {
            Implementation active = slot.active();
            if (active != null) {
                shadowed(slot, active, bundles, rejections).ifPresent(warnings::add);
                failingMore(slot, active).ifPresent(warnings::add);
            }
            if (idleWarnMillis > 0) {
                for (Implementation standby : slot.implementations()) {
                    idle(slot, standby, idleWarnMillis, now).ifPresent(warnings::add);
                }
            }
        }
        return warnings;
    }

    /**
     * A newer version of the active implementation's bundle is installed that the slot never ran, and the route
     * keeps the older one. A newer version the slot ran before (a patch reverted on purpose), the candidate of its
     * canary and one a verdict rejected ({@link Rejections}) are no surprise: activating them is not the advice.
     */
    static Optional<String> shadowed(Slot slot, Implementation active, Bundle[] bundles, Rejections rejections) {
        Bundle own = active.bundle();
        if (own == null) {
            return Optional.empty();
        }
        Set<String> known = slot.known();
        Split split = slot.split();
        Bundle candidate = split == null || split.candidate() == null ? null : split.candidate().bundle();
        Bundle newest = null;
        for (Bundle bundle : bundles) {
            String id = Implementation.bundleId(bundle);
            if (own.getSymbolicName().equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED
                    && bundle.getVersion().compareTo(newest == null ? own.getVersion() : newest.getVersion()) > 0
                    && !ran(known, id) && !bundle.equals(candidate) && rejections.of(slot.id(), id) == null) {
                newest = bundle;
            }
        }
        if (newest == null) {
            return Optional.empty();
        }
        return Optional.of(slot.id() + " keeps " + active.id() + " (its saved route) although "
                + Implementation.bundleId(newest) + ", a newer version of the same bundle, is installed (bundle "
                + newest.getBundleId() + "): activate it if it is meant to replace the patch.");
    }

    /** Whether the slot ran {@code bundleId}, alone or as the host of fragment patches. */
    private static boolean ran(Set<String> known, String bundleId) {
        return known.stream().anyMatch(id -> id.equals(bundleId) || id.startsWith(bundleId + "+"));
    }

    /** A standby nothing has called and that has been installed longer than the configured age. */
    static Optional<String> idle(Slot slot, Implementation standby, long idleWarnMillis, long now) {
        Split split = slot.split();
        if (standby == slot.active() || split != null && split.candidate() == standby || standby.calledSinceIdle()) {
            return Optional.empty();
        }
        Bundle bundle = standby.bundle();
        long since = Math.max(standby.idleSince(), bundle == null ? 0 : bundle.getLastModified());
        if (now - since <= idleWarnMillis) {
            return Optional.empty();
        }
        return Optional.of(standby.id() + " has been an idle standby of " + slot.id() + " for "
                + age(now - since) + " (standby.idle.warn.ms is " + age(idleWarnMillis)
                + "): uninstall it if no revert will need it.");
    }

    /** The active implementation's error rate is above the one its slot would revert to had while it served. */
    static Optional<String> failingMore(Slot slot, Implementation active) {
        Optional<Implementation> before = slot.revertTarget();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Implementation previous = before.get();
        long calls = active.calls();
        long errors = active.errors();
        long previousCalls = previous.calls();
        long previousErrors = previous.errors();
        if (calls < MIN_CALLS || previousCalls < MIN_CALLS
                || errors * previousCalls <= previousErrors * calls) { // rates compared without dividing
            return Optional.empty();
        }
        return Optional.of(slot.id() + "'s active " + active.id() + " fails more than " + previous.id()
                + " did: " + errors + " of " + calls + " calls (" + percent(errors, calls) + ") against "
                + previousErrors + " of " + previousCalls + " (" + percent(previousErrors, previousCalls)
                + "); revert if this is the patch's doing.");
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.2f %%", 100.0 * part / whole);
    }

    /** {@code 3 days}, {@code 5 hours}, {@code 12 minutes} or {@code 40 seconds}: the largest whole unit. */
    static String age(long millis) {
        Duration age = Duration.ofMillis(millis);
        if (age.toDays() > 0) {
            return plural(age.toDays(), "day");
        }
        if (age.toHours() > 0) {
            return plural(age.toHours(), "hour");
        }
        if (age.toMinutes() > 0) {
            return plural(age.toMinutes(), "minute");
        }
        return plural(Math.max(age.toSeconds(), 0), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
