package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.core.tracking.Expectations;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.tracking.Slots;
import io.patchbay.core.tracking.Switcher;
import io.patchbay.core.store.CrashPoints;
import io.patchbay.core.store.Intent;
import io.patchbay.core.store.Journal;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Applies one replacement-bundle patch, all or nothing: find its slot, install, start, wait for its
 * implementation, switch. Any failure before the switch uninstalls what was installed and throws a
 * {@link PatchException} with one sentence; routes are untouched until the switch. The caller owns (and deletes)
 * the patch jar's file.
 */
public final class ApplyOperation {

    private final BundleContext context;
    private final Slots slots;
    private final long timeoutMillis;

    public ApplyOperation(BundleContext context, Slots slots, long timeoutMillis) {
        this.context = context;
        this.slots = slots;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * @param named the slot the operator named, or {@code null} to go by the patch's header
     */
    public ChangeDTO apply(PatchJar patch, String named, String reason, String actor) {
        PatchTargets.Choice choice = PatchTargets.choose(patch, named, slots.all());
        String why = reason != null && !reason.isBlank() ? reason : patch.reason();
        Switcher.Change change = new Switcher.Change("apply", actor, why, patch.checksum(), patch.signer(),
                true);
        Slot target = choice.target();
        Journal journal = slots.switcher().journal();
        Intent intent = new Intent(System.currentTimeMillis(), "apply", actor, target == null ? null : target.id(),
                target == null ? null : target.currentId(), patch.id(), why, patch.checksum(), patch.signer(),
                Installs.installed(context, patch) == null ? Installs.location(patch) : null);
        journal.begin(intent);
        try {
            CrashPoints.reached("apply", "begun");
            return patch.isFragment() ? new FragmentApply(context, slots, timeoutMillis).apply(patch, target, change)
                    : applyBundle(patch, choice, change);
        } finally {
            journal.finish(intent.key());
        }
    }

    /** What a canary does with the implementation a patch brought, in place of apply's switch. */
    public interface Arrival<T> {
        /** @param installed the location of the bundle this operation installed, or {@code null} */
        T arrived(Implementation implementation, String reason, String checksum, String signer, String installed);
    }

    /**
     * Installs and starts a replacement-bundle patch as {@link #apply} does, then hands its implementation to
     * {@code arrival} instead of switching; on any failure uninstalls what it installed. The operation's intent
     * (action {@code canary}) is left to {@code arrival} once it has one of its own for the slot.
     */
    public <T> T canary(PatchJar patch, String named, String reason, String actor, Arrival<T> arrival) {
        if (patch.isFragment()) {
            throw new PatchException(patch.name() + " is a fragment patch: it changes its host bundle for every"
                    + " caller at once, so it cannot run beside it as a canary; apply it, or ship the fix as a"
                    + " replacement bundle.");
        }
        PatchTargets.Choice choice = PatchTargets.choose(patch, named, slots.all());
        String why = reason != null && !reason.isBlank() ? reason : patch.reason();
        Bundle existing = Installs.installed(context, patch);
        String location = existing == null ? Installs.location(patch) : null;
        Slot target = choice.target();
        Journal journal = slots.switcher().journal();
        Intent intent = new Intent(System.currentTimeMillis(), "canary", actor, target == null ? null : target.id(),
                target == null ? null : target.currentId(), patch.id(), why, patch.checksum(), patch.signer(),
                location);
        journal.begin(intent);
        String handedOver = null;
        try {
            CrashPoints.reached("canary", "begun");
            Implementation implementation = existing != null ? standby(patch, choice, existing)
                    : installed(patch, choice, null);
            CrashPoints.reached("canary", "started");
            try {
                T result = arrival.arrived(implementation, why, patch.checksum(), patch.signer(), location);
                handedOver = implementation.slot().id();
                return result;
            } catch (RuntimeException e) {
                if (existing == null) {
                    Installs.uninstall(implementation.bundle());
                }
                throw e;
            }
        } finally {
            if (!intent.key().equals(handedOver)) {
                journal.finish(intent.key());
            }
        }
    }

    /**
     * Installs and starts the patch and waits for its implementation, in a slot that is still live; on failure
     * uninstalls it. {@code stage} names the operation's crash point "started", between start and arrival.
     */
    private Implementation installed(PatchJar patch, PatchTargets.Choice choice, String stage) {
        Bundle bundle = Installs.install(context, patch);
        Expectations.Expectation expected = slots.expectations().expect(bundle, choice.target(),
                choice.candidates(), false);
        try {
            if (choice.target() != null) { // it reads its data area when it starts: its predecessor's
                slots.switcher().carry().seed(choice.target().active(), bundle);
            }
            start(patch, bundle);
            if (stage != null) {
                CrashPoints.reached(stage, "started");
            }
            Implementation implementation = Installs.await(patch, choice.target(), expected.arrival(),
                    timeoutMillis, null);
            requireLive(patch, implementation.slot());
            return implementation;
        } catch (RuntimeException e) {
            slots.expectations().forget(expected);
            Installs.uninstall(bundle);
            if (e instanceof PatchException && choice.target() != null) {
                requireLive(patch, choice.target()); // its arrival failed because the target retired: say that
            }
            throw e;
        }
    }

    private static Implementation standby(PatchJar patch, PatchTargets.Choice choice, Bundle bundle) {
        for (Slot slot : choice.candidates()) {
            for (Implementation implementation : slot.implementations()) {
                if (implementation.bundle().equals(bundle)) {
                    return implementation;
                }
            }
        }
        throw new PatchException(patch.id() + " is already installed (bundle " + bundle.getBundleId()
                + ") but serves no implementation of " + SlotNames.ids(choice.candidates())
                + "; start it or uninstall it first.");
    }

    private ChangeDTO applyBundle(PatchJar patch, PatchTargets.Choice choice, Switcher.Change change) {
        Bundle existing = Installs.installed(context, patch);
        if (existing != null) {
            return alreadyInstalled(patch, choice, existing, change);
        }
        Implementation implementation = installed(patch, choice, "apply");
        try {
            return slots.switcher().changeIn(implementation.slot(), implementation, change);
        } catch (RuntimeException e) {
            Installs.uninstall(implementation.bundle());
            throw e;
        }
    }

    private ChangeDTO alreadyInstalled(PatchJar patch, PatchTargets.Choice choice, Bundle bundle,
            Switcher.Change change) {
        InstalledPatch found = InstalledPatch.find(patch, choice.candidates(), bundle);
        return found.applied() ? Unchanged.of(found.slot(), patch.id() + " is already applied to "
                + found.slot().id() + "; nothing changed.") : slots.standbys().switchTo(found.slot(),
                        found.standby(), timeoutMillis, next -> slots.switcher().changeIn(found.slot(), next, change));
    }

    /**
     * The target chosen before install may have retired since (its last implementation was unregistered, or its API
     * bundle refreshed): a route switched there would reach no consumer and be saved for a slot that is gone.
     */
    private void requireLive(PatchJar patch, Slot slot) {
        if (!slots.all().contains(slot)) {
            throw new PatchException("The slot " + slot.id() + " went away while " + patch.name() + " was being"
                    + " applied (its service was unregistered or its API removed); nothing was applied.");
        }
    }

    private static void start(PatchJar patch, Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new PatchException(StartFailures.explain(patch.name(), e), e);
        }
    }
}
