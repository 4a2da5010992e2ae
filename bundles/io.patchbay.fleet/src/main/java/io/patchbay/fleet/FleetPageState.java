package io.patchbay.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * What the web console's Fleet page shows, as the JSON of {@code /system/console/fleet.json}. The page itself is
 * in {@code io.patchbay.webconsole} (and its javax twin for Karaf), which finds this service by the property
 * {@value #PAGE}{@code =fleet}: the agent stays free of any servlet namespace, so one agent serves either console.
 */
@Component(service = Supplier.class, property = FleetPageState.PAGE + "=fleet")
public class FleetPageState implements Supplier<String> {

    /** The service property that names the console page a {@code Supplier<String>} of JSON belongs to. */
    static final String PAGE = "patchbay.console.page";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FleetAgent agent;

    /** {@code configured} false with the sentence, or the agent's {@link FleetStatus} fields and {@code text}. */
    @Override
    public String get() {
        try {
            return JSON.writeValueAsString(state());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode state() {
        FleetAgent running = agent;
        if (running == null) {
            ObjectNode none = JSON.createObjectNode();
            none.put("configured", false);
            none.put("text", FleetText.NOT_CONFIGURED);
            return none;
        }
        FleetStatus status = running.status();
        ObjectNode state = JSON.valueToTree(status);
        state.put("configured", true);
        state.put("text", FleetText.of(status, System.currentTimeMillis()));
        return state;
    }
}
