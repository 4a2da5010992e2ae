package io.patchbay.core.canary;

import io.opentelemetry.api.baggage.Baggage;
import java.util.function.Supplier;

/** The routing key from the current OpenTelemetry Baggage: the first of the named entries it holds. */
final class BaggageKeys implements Supplier<String> {

    private final String[] names;

    BaggageKeys(String[] names) {
        this.names = names;
    }

    @Override
    public String get() {
        Baggage baggage = Baggage.current();
        if (baggage.isEmpty()) {
            return null;
        }
        for (String name : names) {
            String value = baggage.getEntryValue(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
