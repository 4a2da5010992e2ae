package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Slots;
import io.patchbay.core.slot.Switcher;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Applies one replacement-bundle patch, all or nothing: check the jar, find its slot, install, start, wait for its
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
        Slot slot = targetSlot(patch);
        String why = reason != null && !reason.isBlank() ? reason : patch.reason();
        Bundle existing = installed(patch);
        if (existing != null) {
            return alreadyInstalled(patch, slot, existing, why, actor);
        }
        Bundle bundle = install(patch);
        CompletableFuture<Implementation> arrival = slots.expect(bundle);
        try {
            StartLevels.startWithManager(bundle, context.getBundle());
            start(patch, bundle);
            Implementation implementation = await(patch, slot, arrival);
            return slots.switcher().change(slot, implementation,
                    new Switcher.Change("apply", actor, why, patch.checksum(), true));
        } catch (RuntimeException e) {
            slots.forget(bundle);
            uninstall(bundle);
            throw e;
        }
    }

    private Slot targetSlot(PatchJar patch) {
        if (patch.fragmentHost() != null) {
            throw new PatchException(patch.name() + " is a fragment of " + patch.fragmentHost()
                    + "; fragment patches are not supported yet.");
        }
        List<Slot> all = slots.all();
        List<Slot> matching = all.stream()
                .filter(s -> patch.targets().stream().anyMatch(t -> t.matches(s.type().getName(), s.apiVersion())))
                .toList();
        if (matching.isEmpty()) {
            throw new PatchException(patch.name() + " targets no known slot: it asks for "
                    + patch.targets().stream().map(PatchTarget::toString).collect(Collectors.joining(", "))
                    + " and the slots are " + SlotNames.ids(all) + ".");
        }
        if (matching.size() > 1) {
            throw new PatchException(patch.name() + " matches " + matching.size() + " slots ("
                    + SlotNames.ids(matching) + "); narrow its Patchbay-Patch version range to one.");
        }
        return matching.get(0);
    }

    private Bundle installed(PatchJar patch) {
        for (Bundle bundle : context.getBundles()) {
            if (Implementation.idOf(bundle).equals(patch.id())) {
                return bundle;
            }
        }
        return null;
    }

    private ChangeDTO alreadyInstalled(PatchJar patch, Slot slot, Bundle bundle, String why, String actor) {
        Implementation active = slot.active();
        if (active != null && active.bundle().equals(bundle)) {
            ChangeDTO same = new ChangeDTO();
            same.slot = slot.id();
            same.from = active.id();
            same.to = active.id();
            same.drained = true;
            same.message = patch.id() + " is already applied to " + slot.id() + "; nothing changed.";
            return same;
        }
        Implementation standby = slot.find(patch.id()).orElseThrow(() -> new PatchException(patch.id()
                + " is already installed (bundle " + bundle.getBundleId() + ") but serves no implementation of "
                + slot.id() + "; start it or uninstall it first."));
        return slots.switcher().change(slot, standby, new Switcher.Change("apply", actor, why, patch.checksum(), true));
    }

    private Bundle install(PatchJar patch) {
        try (InputStream in = new FileInputStream(patch.file().toFile())) {
            return context.installBundle("patchbay:patch/" + patch.id(), in);
        } catch (BundleException | IOException e) {
            throw new PatchException(patch.name() + " could not be installed: " + e.getMessage() + ".", e);
        }
    }

    private static void start(PatchJar patch, Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new PatchException(StartFailures.explain(patch.name(), e), e);
        }
    }

    private Implementation await(PatchJar patch, Slot slot, CompletableFuture<Implementation> arrival) {
        try {
            Implementation implementation = arrival.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (implementation.slot() != slot) {
                throw new PatchException(patch.name() + " registered an implementation of "
                        + implementation.slot().id() + ", not of its target " + slot.id() + ".");
            }
            return implementation;
        } catch (TimeoutException e) {
            throw new PatchException(patch.name() + " started but registered no implementation of " + slot.id()
                    + " within " + timeoutMillis + " ms.");
        } catch (ExecutionException e) {
            throw new PatchException(patch.name() + " started but " + e.getCause().getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatchException("Interrupted while waiting for " + patch.name() + " to register.");
        }
    }

    private static void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException ignored) {
            // already gone
        }
    }
}
