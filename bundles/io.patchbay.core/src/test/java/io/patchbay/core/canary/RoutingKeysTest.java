package io.patchbay.core.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Scope;
import io.patchbay.api.Routing;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/** A call's routing key: the caller's own, else the first named Baggage entry, else the MDC's; none is null. */
public class RoutingKeysTest {

    private final RoutingKeys keys = RoutingKeys.of(List.of("user.id", "tenant.id"));

    private String keyWith(String routingKey) {
        AtomicReference<String> seen = new AtomicReference<>();
        Routing.withKey(routingKey, () -> seen.set(keys.get()));
        return seen.get();
    }

    private static Scope baggage(String name, String value) {
        return Baggage.builder().put(name, value).build().makeCurrent();
    }

    @Test
    public void everySourceOnTheClassPathIsRead() {
        assertEquals("Routing, OpenTelemetry Baggage and the SLF4J MDC", 3, keys.size());
    }

    @Test
    public void withoutAnyKeyACallHasNone() {
        assertNull(keys.get());
        try (Scope other = baggage("region", "eu")) {
            assertNull("an entry of another name", keys.get());
        }
        assertNull("the MDC holds none", new MdcKeys(new String[] { "tenant.id" }).get());
    }

    @Test
    public void theCallersOwnKeyComesFirst() {
        assertEquals("acme", keyWith("acme"));
        try (Scope scope = baggage("tenant.id", "globex")) {
            assertEquals("acme", keyWith("acme"));
        }
    }

    @Test
    public void anEmptyKeyOfTheCallerCountsAsNone() {
        try (Scope scope = baggage("tenant.id", "globex")) {
            assertEquals("globex", keyWith(""));
        }
        assertNull(keyWith(""));
    }

    @Test
    public void theFirstNamedBaggageEntryIsTheKey() {
        try (Scope scope = baggage("tenant.id", "globex")) {
            assertEquals("globex", keys.get());
            try (Scope inner = Baggage.current().toBuilder().put("user.id", "u-7").build().makeCurrent()) {
                assertEquals("the first name listed wins", "u-7", keys.get());
            }
        }
    }
}
