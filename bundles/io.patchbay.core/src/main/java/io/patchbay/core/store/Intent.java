package io.patchbay.core.store;

import java.util.Properties;

/**
 * An operation that has begun and not yet been recorded: written to disk before anything changes, removed once the
 * ledger holds the result. One found at start means the container stopped in the middle of it.
 *
 * @param action {@code apply}, {@code revert}, {@code activate}, {@code fallback}, ...
 * @param slot the slot's id, or {@code null} for an apply whose patch's registration will tell it
 * @param from the implementation the slot ran when the operation began, or {@code null}
 * @param to the implementation it was to run: a bundle's {@code name/version}, for a fragment patch the fragment's
 * @param signer who signed the patch, in trusted mode, or {@code null}
 * @param installed the location of the bundle the operation installed, or {@code null} if it installed none
 */
public record Intent(long time, String action, String actor, String slot, String from, String to, String reason,
        String checksum, String signer, String installed) {

    /** One operation per slot at a time; an apply whose slot its registration will tell is keyed by its patch. */
    public String key() {
        return slot != null ? slot : "patch " + to;
    }


    /** Whether a saved route's active implementation is the one this operation was to route to. */
    public boolean reached(String savedActive) {
        return savedActive != null && to != null
                && (savedActive.equals(to) || ("+" + savedActive + "+").contains("+" + to + "+"));
    }

    void store(Properties properties, String prefix) {
        properties.setProperty(prefix + "time", Long.toString(time));
        put(properties, prefix + "action", action);
        put(properties, prefix + "actor", actor);
        put(properties, prefix + "slot", slot);
        put(properties, prefix + "from", from);
        put(properties, prefix + "to", to);
        put(properties, prefix + "reason", reason);
        put(properties, prefix + "checksum", checksum);
        put(properties, prefix + "signer", signer);
        put(properties, prefix + "installed", installed);
    }

    static Intent load(Properties properties, String prefix) {
        return new Intent(Long.parseLong(properties.getProperty(prefix + "time", "0")),
                properties.getProperty(prefix + "action"), properties.getProperty(prefix + "actor"),
                properties.getProperty(prefix + "slot"), properties.getProperty(prefix + "from"),
                properties.getProperty(prefix + "to"), properties.getProperty(prefix + "reason"),
                properties.getProperty(prefix + "checksum"), properties.getProperty(prefix + "signer"),
                properties.getProperty(prefix + "installed"));
    }

    private static void put(Properties properties, String name, String value) {
        if (value != null) {
            properties.setProperty(name, value);
        }
    }
}
