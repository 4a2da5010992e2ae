package io.patchbay.core.slot;

/** What a route change found: the implementation that was active, and the id the slot had. */
public record Routed(Implementation before, String fromId) {
}
