package io.patchbay.launcher.storm;

/** How a front end answered one operation. */
public enum Outcome {
    /** The route or the canary changed: the ledger must hold exactly one entry with the operation's tag. */
    CHANGED,
    /** Nothing to do, said so: no ledger entry. */
    UNCHANGED,
    /** Refused with a sentence (a canary in progress, no canary, an implementation gone): no ledger entry. */
    REFUSED,
    /** Answered, but the front end does not say whether it changed anything (the shell's hold): at most one entry. */
    UNKNOWN,
    /** No answer within the deadline, an error status or a fault: a failed check. */
    FAILED
}
