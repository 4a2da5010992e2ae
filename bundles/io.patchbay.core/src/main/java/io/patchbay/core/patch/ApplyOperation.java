package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Slots;
import io.patchbay.core.slot.Switcher;
import java.util.concurrent.CompletableFuture;
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

    public ChangeDTO apply(PatchJar patch, String reason, String actor) {
        Slot slot = PatchTargets.slotFor(patch, slots.all());
        String why = reason != null && !reason.isBlank() ? reason : patch.reason();
        Switcher.Change change = new Switcher.Change("apply", actor, why, patch.checksum(), true);
        if (patch.isFragment()) {
            return new FragmentApply(context, slots, timeoutMillis).apply(patch, slot, change);
        }
        Bundle existing = Installs.installed(context, patch);
        if (existing != null) {
            return alreadyInstalled(patch, slot, existing, change);
        }
        Bundle bundle = Installs.install(context, patch);
        CompletableFuture<Implementation> arrival = slots.expect(bundle);
        try {
            start(patch, bundle);
            Implementation implementation = Installs.await(patch, slot, arrival, timeoutMillis, null);
            return slots.switcher().change(slot, implementation, change);
        } catch (RuntimeException e) {
            slots.forget(bundle);
            Installs.uninstall(bundle);
            throw e;
        }
    }

    private ChangeDTO alreadyInstalled(PatchJar patch, Slot slot, Bundle bundle, Switcher.Change change) {
        Implementation active = slot.active();
        if (active != null && active.bundle().equals(bundle)) {
            return Unchanged.of(slot, patch.id() + " is already applied to " + slot.id() + "; nothing changed.");
        }
        Implementation standby = slot.find(patch.id()).orElseThrow(() -> new PatchException(patch.id()
                + " is already installed (bundle " + bundle.getBundleId() + ") but serves no implementation of "
                + slot.id() + "; start it or uninstall it first."));
        return slots.switcher().change(slot, standby, change);
    }

    private static void start(PatchJar patch, Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new PatchException(StartFailures.explain(patch.name(), e), e);
        }
    }
}
