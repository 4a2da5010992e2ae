package io.patchbay.core.patch;

import io.patchbay.core.headers.PatchLocation;
import io.patchbay.core.headers.StartLevels;
import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.store.CrashPoints;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** The bundle steps apply operations share: install, find, wait for an implementation, undo. */
final class Installs {

    private Installs() {
    }

    /** Installs the patch and records the checksum of the bytes it was installed from. */
    static Bundle install(BundleContext context, PatchJar patch) {
        Bundle bundle;
        try (InputStream in = new FileInputStream(patch.file().toFile())) {
            bundle = context.installBundle(location(patch), in);
        } catch (BundleException | IOException e) {
            throw new PatchException(patch.name() + " could not be installed: " + e.getMessage() + ".", e);
        }
        try {
            InstalledChecksums.of(context).record(bundle.getBundleId(), patch.checksum(),
                    id -> context.getBundle(id) != null);
        } catch (UncheckedIOException e) {
            uninstall(bundle);
            throw new PatchException(patch.name() + " was not installed: its checksum could not be recorded ("
                    + e.getCause().getMessage() + ").", e);
        }
        StartLevels.startWithManager(bundle, context.getBundle());
        CrashPoints.reached("apply", "installed");
        return bundle;
    }

    /** Where Patchbay installs a patch from: a location of its own, so that it can tell its installs apart. */
    static String location(PatchJar patch) {
        return PatchLocation.of(patch.id());
    }

    /** The installed bundle with the patch's symbolic name and version, or {@code null}. */
    static Bundle installed(BundleContext context, PatchJar patch) {
        for (Bundle bundle : context.getBundles()) {
            if (Implementation.bundleId(bundle).equals(patch.id())) {
                return bundle;
            }
        }
        return null;
    }

    /** Waits for the implementation; {@code host} names the host bundle of a fragment patch, else {@code null}. */
    static Implementation await(PatchJar patch, Slot slot, CompletableFuture<Implementation> arrival,
            long timeoutMillis, String host) {
        try {
            Implementation implementation = arrival.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (slot != null && implementation.slot() != slot) {
                throw new PatchException(patch.name() + " registered an implementation of "
                        + implementation.slot().id() + ", not of its target " + slot.id() + ".");
            }
            return implementation;
        } catch (TimeoutException e) {
            throw new PatchException(patch.name() + (host == null ? " started but" : " was installed but its host "
                    + host) + " registered no implementation of " + (slot == null ? "the slots it could patch"
                            : slot.id()) + " within " + timeoutMillis + " ms.");
        } catch (ExecutionException e) {
            throw new PatchException(patch.name() + (host == null ? " started" : " attached to its host " + host)
                    + " but " + e.getCause().getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatchException("Interrupted while waiting for " + patch.name() + " to register.");
        }
    }

    static void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException ignored) {
            // already gone
        }
    }
}
