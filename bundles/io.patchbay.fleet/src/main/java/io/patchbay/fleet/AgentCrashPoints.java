package io.patchbay.fleet;

import java.util.logging.Logger;

/**
 * A test hook, the agent's side of the core's crash points: the system property {@code patchbay.test.crash} names one
 * step of the agent ({@code fleet:downloaded}, {@code fleet:applied}, ...), and the JVM halts there at once, as a
 * {@code kill -9} would stop it. Unset (always, outside tests) each step costs one comparison with {@code null}.
 */
final class AgentCrashPoints {

    private static final Logger LOG = Logger.getLogger(AgentCrashPoints.class.getName());
    private static final String ARMED = System.getProperty("patchbay.test.crash");

    private AgentCrashPoints() {
    }

    /** Halts the JVM if the test hook names {@code fleet:<step>}. */
    static void reached(String step) {
        if (ARMED != null && ARMED.equals("fleet:" + step)) {
            LOG.warning("patchbay: halting at the test crash point " + ARMED);
            Runtime.getRuntime().halt(99);
        }
    }
}
