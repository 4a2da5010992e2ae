package io.patchbay.metrics.jmx;

/**
 * One slot as JMX shows it, under {@code io.patchbay:type=slot,name=<slot id>}. Attributes are read from
 * {@link io.patchbay.api.PatchManager} on every access; operations call it with the actor {@code jmx}. Only open
 * types (strings, numbers, string arrays), so JConsole, VisualVM and Jolokia need no Patchbay class.
 */
public interface SlotMXBean {

    /** The slot id, {@code interfaceName@apiVersion#name}. */
    String getSlot();

    /** Every interface the slot's facade is registered under. */
    String[] getInterfaces();

    /** The implementation every call goes to ({@code name/version}), or {@code null} while the slot has none. */
    String getActiveImplementation();

    /** Registered implementations that get no calls. */
    String[] getStandbyImplementations();

    /** The implementations a revert goes back to, most recent first. */
    String[] getPrevious();

    /** When the active implementation became active (epoch milliseconds), or 0. */
    long getActiveSince();

    /** Calls answered by the active implementation since it was registered. */
    long getActiveCalls();

    /** Calls to the active implementation that ended with an exception. */
    long getActiveErrors();

    /** Calls answered by every implementation registered for the slot now, active and standby. */
    long getCalls();

    /** Calls that ended with an exception, over every implementation registered for the slot now. */
    long getErrors();

    /** Calls running right now, on any implementation of the slot (the old one drains after a switch). */
    long getInFlight();

    /** Bundles that hold the slot's facade. */
    int getConsumers();

    /**
     * Moves the slot back to the implementation active before the current one.
     *
     * @return the manager's sentence: what the slot runs now, or why nothing changed
     */
    String revert(String reason);

    /**
     * Makes a standby implementation the active one.
     *
     * @param implementation {@code name/version}, bundle id or service id, as the attributes show it
     * @return the manager's sentence
     */
    String activate(String implementation, String reason);
}
