package io.patchbay.routing.http;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where the routing key of an HTTP request comes from (PID {@value #PID}). Like any component property, a
 * configured {@code osgi.http.whiteboard.filter.pattern} narrows the requests the filter sees (default {@code /*}).
 */
@ObjectClassDefinition(pid = RoutingKeyConfiguration.PID, name = "Patchbay routing keys from HTTP",
        description = "Which request header or cookie carries the key a key-split canary routes by.")
public @interface RoutingKeyConfiguration {

    String PID = "io.patchbay.routing.http";

    @AttributeDefinition(name = "Headers", description = "Request headers holding the key, first present wins.")
    String[] headers() default { "X-Patchbay-Key", "X-Tenant" };

    @AttributeDefinition(name = "Cookie", required = false, description = "A cookie holding the key, read after"
            + " the headers; empty for none.")
    String cookie() default "patchbay.key";
}
