package io.patchbay.core.store;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Posts every ledger entry to EventAdmin, when one is present, on topic {@code io/patchbay/route/<ACTION>}
 * (for example {@code io/patchbay/route/APPLY}) with the entry's fields as properties (a {@code null} one left out).
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
        if (admin != null) {
            admin.postEvent(event(entry));
        }
    }

    /** The event of {@code entry}: its topic from the action, and every field that is set as a property. */
    static Event event(LedgerEntryDTO entry) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(LedgerField.TIME, entry.time);
        for (LedgerField field : LedgerField.values()) {
            if (field.of(entry) != null) {
                properties.put(field.key, field.of(entry));
            }
        }
        return new Event(TOPIC_PREFIX + entry.action.toUpperCase(Locale.ROOT).replace('-', '_'), properties);
    }

    @Override
    public void close() {
        eventAdmin.close();
    }
}
