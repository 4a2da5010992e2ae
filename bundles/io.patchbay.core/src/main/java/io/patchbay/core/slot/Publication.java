package io.patchbay.core.slot;

/**
 * How a slot is published to consumers: claimed by the one caller that registers its facade services, then the
 * registration made, whose properties follow the slot's active implementation; and the number operators know it by.
 */
public final class Publication {

    private boolean claimed; // guarded by this
    private volatile SlotRegistration registered;
    private volatile int number;

    /** True for the one caller that registers the slot's services. */
    public synchronized boolean claim() {
        boolean first = !claimed;
        claimed = true;
        return first;
    }

    public void registered(SlotRegistration registration) {
        registered = registration;
    }

    /** The slot's registration, or {@code null} before it is made. */
    public SlotRegistration registered() {
        return registered;
    }

    /** Makes the facade's properties those of the active implementation; call outside any lock. */
    void follow() {
        SlotRegistration registration = registered;
        if (registration != null) {
            registration.follow();
        }
    }

    /** Its number in {@code patch:list}: given when the slot is created, the same for its id while the container runs. */
    public int number() {
        return number;
    }

    /** Set once, by the slot table when it creates the slot (tests number their own). */
    public void number(int given) {
        number = given;
    }
}
