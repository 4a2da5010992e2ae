package io.patchbay.core.store;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Posts every ledger entry to EventAdmin, when one is present, on topic {@code io/patchbay/route/<ACTION>}
 * (for example {@code io/patchbay/route/APPLY}) with the entry's fields as properties.
 */
public final class RouteEvents implements Consumer<LedgerEntryDTO>, AutoCloseable {

    public static final String TOPIC_PREFIX = "io/patchbay/route/";

    private final ServiceTracker<EventAdmin, EventAdmin> eventAdmin;

    public RouteEvents(BundleContext context) {
        eventAdmin = new ServiceTracker<>(context, EventAdmin.class, null);
        eventAdmin.open();
    }

    @Override
    public void accept(LedgerEntryDTO entry) {
        EventAdmin admin = eventAdmin.getService();
        if (admin == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("time", entry.time);
        put(properties, "action", entry.action);
        put(properties, "actor", entry.actor);
        put(properties, "slot", entry.slot);
        put(properties, "from", entry.from);
        put(properties, "to", entry.to);
        put(properties, "reason", entry.reason);
        put(properties, "checksum", entry.checksum);
        String topic = TOPIC_PREFIX + entry.action.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        admin.postEvent(new Event(topic, properties));
    }

    private static void put(Map<String, Object> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    @Override
    public void close() {
        eventAdmin.close();
    }
}
