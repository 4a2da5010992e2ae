package io.patchbay.core.slot;

/**
 * What the layer above registered for a slot once it was first routed (its facade and replaced-code service): the
 * route tells it to follow the active implementation's properties after every change.
 */
public interface SlotRegistration {

    /** Gives the facade the properties of the slot's active implementation; called outside the slot's lock. */
    void follow();

    /** Unregisters what was registered; the slot retired or the manager stops. */
    void unregister();
}
