package io.patchbay.launcher.storm;

/**
 * One operation an operator ran: through which front end, what on which slot, the tag its reason carried (so the
 * ledger entry it caused is found again), how it was answered, how long the answer took, and the answer's text.
 */
public record Operation(String frontEnd, Action action, String slot, String tag, Outcome outcome, long nanos,
        String answer) {
}
