package io.patchbay.core.store;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.Set;

/** The {@link Journal} in the core's data folder: the intent file, the saved routes and the ledger. */
public record FileJournal(IntentFile intents, RouteStore routes, Ledger ledger) implements Journal {

    @Override
    public void begin(Intent intent) {
        intents.begin(intent);
    }

    @Override
    public void finish(String key) {
        intents.finish(key);
    }

    @Override
    public boolean inProgress(String key) {
        return intents.inProgress(key);
    }

    @Override
    public void record(LedgerEntryDTO entry) {
        ledger.append(entry);
    }

    @Override
    public void saveRoute(String slotId, SavedRoute route) {
        routes.put(slotId, route);
    }

    @Override
    public SavedRoute savedRoute(String slotId) {
        return routes.get(slotId);
    }

    @Override
    public Set<String> savedRouteIds() {
        return routes.ids();
    }
}
