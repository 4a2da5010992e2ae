package io.patchbay.api;

/**
 * A patch operation that could not be done. The message is one plain sentence for an operator, naming what was
 * wrong; when it is thrown, the running system is exactly as it was before the operation started.
 */
public class PatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PatchException(String message) {
        super(message);
    }

    public PatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
