package io.patchbay.launcher.storm;

/** The operations the storm's operators mix. */
public enum Action {
    APPLY, REVERT, ACTIVATE, CANARY, PROMOTE, HOLD
}
