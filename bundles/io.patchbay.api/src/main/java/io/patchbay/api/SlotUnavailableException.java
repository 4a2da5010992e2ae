package io.patchbay.api;

/**
 * Thrown to a consumer calling a facade whose slot has had no implementation for longer than the damping
 * timeout (for example while a host bundle restarts and does not come back). The message names the slot.
 * Consumers do not need to import this type: it is an {@link IllegalStateException}.
 */
public class SlotUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SlotUnavailableException(String message) {
        super(message);
    }
}
