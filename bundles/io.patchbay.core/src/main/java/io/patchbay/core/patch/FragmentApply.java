package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.PatchFragments;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.tracking.Slots;
import io.patchbay.core.tracking.Switcher;
import io.patchbay.core.tracking.Expectations;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Applies a fragment patch: install the fragment, refresh only its host so the fragment attaches and its classes
 * come first on the host's class path, let the slot's calls wait while the host restarts, then route to the
 * host's new implementation. If the fragment does not attach, it is uninstalled and the host serves as before. If
 * apply fails once the host was refreshed (the fragment may be attached: its classes run in the host), the fragment is
 * uninstalled and the host refreshed again, so that it runs its own classes, and routed to once it is back.
 */
final class FragmentApply {

    private final BundleContext context;
    private final Slots slots;
    private final long timeoutMillis;

    FragmentApply(BundleContext context, Slots slots, long timeoutMillis) {
        this.context = context;
        this.slots = slots;
        this.timeoutMillis = timeoutMillis;
    }

    ChangeDTO apply(PatchJar patch, Slot slot, Switcher.Change change) {
        Implementation active = slot.active();
        Bundle host = host(context, patch, slot, active);
        if (alreadyAttached(context, patch, host)) {
            return Unchanged.of(slot, patch.id() + " is already applied to " + slot.id() + "; nothing changed.");
        }
        Bundle fragment = Installs.install(context, patch);
        Expectations.Expectation expected = slots.expectations().expect(host, slot, List.of(slot), true);
        Implementation next;
        try {
            HostRefresh.refresh(context, host, timeoutMillis);
            next = Installs.await(patch, slot, expected.arrival(), timeoutMillis, host.getSymbolicName());
        } catch (RuntimeException e) {
            slots.expectations().forget(expected);
            Installs.uninstall(fragment);
            // an uninstalled fragment stays attached, its classes first on the host's class path, until a refresh
            throw new PatchException(withoutFullStop(e.getMessage()) + "; " + refreshWithout(slot, host), e);
        }
        if (!PatchFragments.attached(host).contains(fragment)) {
            Installs.uninstall(fragment);
            slots.switcher().quietly(slot, next); // the host came back without it: the same code as before
            throw new PatchException(notAttached(patch, host));
        }
        return slots.switcher().changeIn(slot, next, change);
    }

    /** Whether the fragment is installed and attached to {@code host}; refused when installed but not attached. */
    static boolean alreadyAttached(BundleContext context, PatchJar patch, Bundle host) {
        if (Installs.installed(context, patch) == null) {
            return false;
        }
        if (PatchFragments.attached(host).stream().anyMatch(f -> Implementation.bundleId(f).equals(patch.id()))) {
            return true;
        }
        throw new PatchException(patch.id() + " is already installed but not attached to "
                + Implementation.bundleId(host) + "; uninstall it first.");
    }

    static String notAttached(PatchJar patch, Bundle host) {
        return patch.name() + " did not attach to " + Implementation.bundleId(host)
                + "; check its Fragment-Host header and its imports against the host's.";
    }

    /** Refreshes the host after its fragment was uninstalled, and routes to it; says how that went, in a clause. */
    private String refreshWithout(Slot slot, Bundle host) {
        String id = Implementation.bundleId(host);
        Expectations.Expectation back = slots.expectations().expect(host, slot, List.of(slot), true);
        try {
            HostRefresh.refresh(context, host, timeoutMillis);
            Implementation own = back.arrival().get(timeoutMillis, TimeUnit.MILLISECONDS);
            slots.switcher().quietly(slot, own);
            return id + " was refreshed without it and serves as before.";
        } catch (PatchException | ExecutionException | TimeoutException e) {
            slots.expectations().forget(back);
            return "refreshing " + id + " without it did not bring it back (" + withoutFullStop(String.valueOf(
                    e.getMessage())) + "), so calls to " + slot.id() + " wait for it.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slots.expectations().forget(back);
            return "interrupted while refreshing " + id + " without it.";
        }
    }

    private static String withoutFullStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    /** The host, which must be the slot's active implementation; refused with a sentence when it is not. */
    static Bundle host(BundleContext context, PatchJar patch, Slot slot, Implementation active) {
        String name = patch.fragmentHost().name();
        String range = patch.fragmentHost().attributes().get("bundle-version");
        VersionRange versions = range == null ? null : VersionRange.valueOf(range);
        String wanted = name + (versions == null ? "" : " " + versions);
        if (active == null || !active.bundle().getSymbolicName().equals(name)
                || versions != null && !versions.includes(active.bundle().getVersion())) {
            boolean installed = false;
            for (Bundle bundle : context.getBundles()) {
                Version version = bundle.getVersion();
                installed |= name.equals(bundle.getSymbolicName()) && (versions == null || versions.includes(version));
            }
            throw new PatchException(patch.name() + " is a fragment of " + wanted + ", " + (installed
                    ? "which is not the active implementation of " + slot.id() + " (" + slot.currentId() + ")."
                    : "but no such bundle is installed."));
        }
        return active.bundle();
    }
}
