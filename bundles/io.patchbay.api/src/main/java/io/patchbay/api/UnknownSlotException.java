package io.patchbay.api;

/**
 * The slot named in an operation does not exist (or the name is not unique). The message lists the slots there
 * are; nothing was changed.
 */
public class UnknownSlotException extends PatchException {

    private static final long serialVersionUID = 1L;

    public UnknownSlotException(String message) {
        super(message);
    }
}
