package io.patchbay.launcher;

/**
 * A start-up failure that the operator can fix: its message is one complete sentence, printed without a stack
 * trace, and the process exits with {@link #exitCode()}.
 */
final class LaunchException extends Exception {

    /** Exit code for a configuration or environment problem (bad setting, port in use, data folder locked). */
    static final int USAGE = 2;
    /** Exit code for a failure while starting the framework itself. */
    static final int FAILURE = 1;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    LaunchException(String sentence) {
        this(sentence, USAGE, null);
    }

    LaunchException(String sentence, int exitCode, Throwable cause) {
        super(sentence, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
