package io.patchbay.launcher;

import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a clean framework stop. The signals are handled directly rather than
 * through a shutdown hook: the JVM's own handlers would exit with 130 or 143 however cleanly the framework stopped,
 * whereas here the main thread sees the framework stop and exits 0. A shutdown hook remains for every other way the
 * JVM can end (SIGHUP, a bundle calling {@code System.exit}), so the cache is left consistent then too.
 *
 * <p>A signal that comes while the framework is still starting is carried out once the start is over ({@link
 * #started}): stopping a framework in the middle of its start pulls its bundle context from under the launcher and
 * stops EventAdmin while it is still delivering the start's events, both of which print alarming lines.
 *
 * <p>Replace a running launcher's jar by moving the new file in place ({@code mv}), never by copying over it: the
 * JVM reads classes lazily from the open jar, and stopping needs classes not loaded yet.
 */
final class Shutdown {

    private static final long HOOK_STOP_MILLIS = 10_000;

    private final AtomicReference<Framework> framework = new AtomicReference<>();
    private volatile boolean requested;
    private boolean started; // guarded by this

    void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> request());
            } catch (IllegalArgumentException unavailable) {
                // signal not supported here (or the JVM runs with -Xrs): the shutdown hook covers it
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopFromHook, "patchbay-shutdown"));
    }

    /**
     * A stop was asked for: stops the framework now if it has started, else when its start is over ({@link
     * #started}), else the launcher does not start it.
     */
    void request() {
        stopOnceBoth(true, false);
    }

    /** The attached framework's start is over: a stop asked for meanwhile is carried out now. */
    void started() {
        stopOnceBoth(false, true);
    }

    /** Stops the framework when a stop has been asked for and its start is over, whichever came second. */
    private void stopOnceBoth(boolean request, boolean start) {
        Framework current;
        synchronized (this) {
            requested |= request;
            started |= start;
            current = requested && started ? framework.get() : null;
        }
        if (current != null) {
            stop(current);
        }
    }

    boolean requested() {
        return requested;
    }

    /** The framework that a signal stops once it has {@link #started}, and the shutdown hook at any time. */
    synchronized void attach(Framework current) {
        framework.set(current);
        started = false;
    }

    private void stopFromHook() {
        Framework current = framework.get();
        if (current != null && (current.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
            stop(current);
            try {
                current.waitForStop(HOOK_STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void stop(Framework current) {
        try {
            current.stop(); // asynchronous in Felix: the main thread's waitForStop sees the end
        } catch (BundleException | RuntimeException | LinkageError e) {
            // e.g. NoClassDefFoundError when the jar was overwritten in place while running: a process that
            // ignores SIGTERM would be worse than one that ends without a clean stop
            System.err.println("Stopping the framework failed (" + e + "); exiting without a clean stop.");
            Runtime.getRuntime().halt(1);
        }
    }
}
