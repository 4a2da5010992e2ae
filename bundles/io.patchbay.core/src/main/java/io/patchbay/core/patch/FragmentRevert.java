package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.tracking.Slots;
import io.patchbay.core.tracking.Switcher;
import io.patchbay.core.tracking.Expectations;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Reverts fragment patches: uninstall them, refresh the host, route to the host's own classes again. */
public final class FragmentRevert {

    private final BundleContext context;
    private final Slots slots;
    private final long timeoutMillis;

    public FragmentRevert(BundleContext context, Slots slots, long timeoutMillis) {
        this.context = context;
        this.slots = slots;
        this.timeoutMillis = timeoutMillis;
    }

    public ChangeDTO revert(Slot slot, Implementation active, List<Bundle> fragments, Switcher.Change change) {
        Bundle host = active.bundle();
        Expectations.Expectation expected = slots.expectations().expect(host, slot, List.of(slot), true);
        CompletableFuture<Implementation> arrival = expected.arrival();
        try {
            for (Bundle fragment : fragments) {
                fragment.uninstall();
            }
            HostRefresh.refresh(context, host, timeoutMillis);
            Implementation next = arrival.get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return slots.switcher().change(slot, next, change);
        } catch (BundleException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            slots.expectations().forget(expected);
            throw new PatchException("Reverting " + slot.id() + " failed: " + host.getSymbolicName()
                    + " did not come back without its fragment patch (" + e.getMessage() + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slots.expectations().forget(expected);
            throw new PatchException("Interrupted while reverting " + slot.id() + ".");
        }
    }
}
