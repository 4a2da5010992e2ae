package io.patchbay.itest;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.ListenerHook;
import org.osgi.service.event.EventHandler;

/**
 * Counts how often each bundle opens a tracker of event handlers, told by the service listener it adds. Felix
 * EventAdmin opens its tracker when it starts, and closes and reopens it each time it takes a configuration (on a
 * thread of its own, after ConfigAdmin calls it); events sent while the tracker is closed reach no handler. A second
 * opening is the sign that a freshly started EventAdmin has taken its configuration and delivers every event.
 */
final class HandlerTrackerOpenings implements ListenerHook, AutoCloseable {

    private static final String HANDLERS = "(objectClass=" + EventHandler.class.getName() + ")";

    private final Map<Long, Integer> openings = new ConcurrentHashMap<>();
    private final ServiceRegistration<ListenerHook> registration;

    HandlerTrackerOpenings(BundleContext context) {
        registration = context.registerService(ListenerHook.class, this, null);
    }

    @Override
    public void added(Collection<ListenerInfo> listeners) {
        for (ListenerInfo listener : listeners) {
            if (HANDLERS.equals(listener.getFilter()) && !listener.isRemoved()) {
                openings.merge(listener.getBundleContext().getBundle().getBundleId(), 1, Integer::sum);
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    @Override
    public void removed(Collection<ListenerInfo> listeners) {
        // a closing is told by the next opening
    }

    /** Waits until the bundle has opened its handler tracker at least the given number of times. */
    synchronized void await(long bundleId, int times, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (openings.getOrDefault(bundleId, 0) < times) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("bundle " + bundleId + " opened its event handler tracker "
                        + openings.getOrDefault(bundleId, 0) + " times, not " + times);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
