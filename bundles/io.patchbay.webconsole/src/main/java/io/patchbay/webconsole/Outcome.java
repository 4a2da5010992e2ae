package io.patchbay.webconsole;

import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.ChangeDTO;

/**
 * What a POST did: the HTTP status, one sentence for the operator, and the manager's change when there was one
 * (and, for the canary actions, the canary as it stands after it).
 * 200 done, 400 bad input (the manager's sentence), 403 missing or wrong token, 404 no such slot, 409 nothing to
 * do, 500 a fault.
 */
record Outcome(int status, String message, ChangeDTO change, CanaryDTO canary) {

    Outcome(int status, String message, ChangeDTO change) {
        this(status, message, change, null);
    }

    static final int OK = 200;
    static final int BAD_REQUEST = 400;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;
    static final int CONFLICT = 409;
    static final int FAILED = 500;

    static Outcome badRequest(String message) {
        return new Outcome(BAD_REQUEST, message, null);
    }

    static Outcome notFound(String message) {
        return new Outcome(NOT_FOUND, message, null);
    }

    static Outcome forbidden() {
        return new Outcome(FORBIDDEN, "This request carries no valid Patchbay token: reload the page, or GET "
                + "patches.json and send its token in the X-Patchbay-Token header (never in the query string).", null);
    }

    static Outcome failed(RuntimeException e) {
        return new Outcome(FAILED, "The action failed unexpectedly: " + e + ".", null);
    }

    /**
     * 200 with a sentence naming what changed, or 409 with the manager's sentence when nothing needed doing.
     *
     * @param verb {@code Applied}, {@code Reverted} or {@code Activated}
     */
    static Outcome of(String verb, ChangeDTO change) {
        if (!change.changed) {
            return new Outcome(CONFLICT, change.message, change);
        }
        String was = change.from == null ? "which had no implementation" : "replacing " + change.from;
        String sentence = verb + " " + change.to + " in " + change.slot + ", " + was + ".";
        if (!change.drained && change.from != null) {
            sentence += " Calls still running on " + change.from + " did not finish within the drain timeout.";
        }
        return new Outcome(OK, sentence, change);
    }
}
