package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Refreshes one host bundle, so that fragments attach or detach, and waits for the framework to finish. Only the
 * host and the bundles wired to it are refreshed; an implementation bundle that exports nothing has none.
 */
final class HostRefresh {

    private HostRefresh() {
    }

    static void refresh(BundleContext context, Bundle host, long timeoutMillis) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        FrameworkEvent[] outcome = new FrameworkEvent[1];
        wiring.refreshBundles(List.of(host), event -> {
            outcome[0] = event;
            done.countDown();
        });
        try {
            if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new PatchException("Refreshing " + host.getSymbolicName() + " took longer than "
                        + timeoutMillis + " ms.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatchException("Interrupted while refreshing " + host.getSymbolicName() + ".");
        }
        if (outcome[0].getType() == FrameworkEvent.ERROR) {
            throw new PatchException("Refreshing " + host.getSymbolicName() + " failed: " + outcome[0].getThrowable()
                    + ".");
        }
    }
}
