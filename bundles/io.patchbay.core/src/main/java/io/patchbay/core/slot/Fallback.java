package io.patchbay.core.slot;

/**
 * A move the framework made in memory (its active implementation went away, or a restored one did not come back),
 * kept on its slot until the {@link RouteOwner} records it: the ledger entry {@code fallback} by {@code framework}.
 *
 * @param reason the sentence of the ledger entry: what went away, or what did not come back
 * @param from the id the slot had, or {@code null}
 * @param to the id it runs now
 */
public record Fallback(String reason, long time, String from, String to) {

    public static Fallback because(String reason) {
        return new Fallback(reason, System.currentTimeMillis(), null, null);
    }

    Fallback from(String id) {
        return new Fallback(reason, time, id, to);
    }

    Fallback to(String id) {
        return new Fallback(reason, time, from, id);
    }
}
