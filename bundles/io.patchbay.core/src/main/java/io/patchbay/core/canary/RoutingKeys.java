package io.patchbay.core.canary;

import io.patchbay.api.Routing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Where a call's routing key comes from, first that answers: {@link Routing#withKey} on the calling thread, then
 * the OpenTelemetry Baggage entries and then the SLF4J MDC entries with the configured names, each only when its API
 * is wired to this bundle (the imports are optional). Looking up allocates nothing.
 */
public final class RoutingKeys implements Supplier<String> {

    private static final Logger LOG = Logger.getLogger(RoutingKeys.class.getName());

    private final Supplier<String>[] sources;

    @SuppressWarnings("unchecked")
    private RoutingKeys(List<Supplier<String>> sources) {
        this.sources = sources.toArray(new Supplier[0]);
    }

    /** The sources present in this framework, for entries named {@code names} (for example {@code tenant.id}). */
    public static RoutingKeys of(List<String> names) {
        List<Supplier<String>> sources = new ArrayList<>();
        sources.add(Routing::currentKey);
        String[] entries = names.toArray(String[]::new);
        optional(sources, "OpenTelemetry Baggage", () -> new BaggageKeys(entries));
        optional(sources, "SLF4J MDC", () -> new MdcKeys(entries));
        return new RoutingKeys(sources);
    }

    private static void optional(List<Supplier<String>> sources, String what, Supplier<Supplier<String>> source) {
        try {
            Supplier<String> made = source.get();
            made.get(); // links the API's classes now, not on a call
            sources.add(made);
        } catch (NoClassDefFoundError | ExceptionInInitializerError absent) {
            LOG.fine(what + " is not wired to Patchbay: routing keys are not read from it");
        }
    }

    @Override
    public String get() {
        for (Supplier<String> source : sources) {
            String key = source.get();
            if (key != null && !key.isEmpty()) {
                return key;
            }
        }
        return null;
    }

    /** How many sources are present, {@link Routing} included. */
    public int size() {
        return sources.length;
    }
}
