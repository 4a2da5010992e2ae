package io.patchbay.core.store;

import java.util.logging.Logger;

/**
 * A test hook: the system property {@code patchbay.test.crash} names one step of one
 * operation ({@code apply:installed}, {@code revert:saved}, ...), and the JVM halts there at once, as a
 * {@code kill -9} would stop it. Unset (always, outside tests) each step costs one comparison with {@code null}.
 */
public final class CrashPoints {

    private static final Logger LOG = Logger.getLogger(CrashPoints.class.getName());
    private static final String ARMED = System.getProperty("patchbay.test.crash");

    /** Unit tests' hook: told of every step reached, on the thread that reached it, so a test can interleave there. */
    public static volatile java.util.function.BiConsumer<String, String> observer = (action, step) -> {
    };

    private CrashPoints() {
    }

    /** Halts the JVM if the test hook names this step of this action. */
    public static void reached(String action, String step) {
        observer.accept(action, step);
        if (ARMED != null && ARMED.equals(action + ":" + step)) {
            LOG.warning("patchbay: halting at the test crash point " + ARMED); // the JUL console handler flushes
            Runtime.getRuntime().halt(99);
        }
    }
}
