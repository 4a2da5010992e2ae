package io.patchbay.core.store;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.Set;

/**
 * What the owner of route changes writes down, and reads back, so that a stop at any instant is explained and
 * repaired at the next start: the operation in progress (its intent), the route each slot must come back to, and
 * the ledger. The switcher and the operations call this, never the files behind it ({@link FileJournal}).
 */
public interface Journal {

    /** Writes, durably, that {@code intent}'s operation has begun; it is pending until {@link #finish}. */
    void begin(Intent intent);

    /** The operation keyed {@code key} (a slot's id) is over: nothing is left for the next start to resolve. */
    void finish(String key);

    /** Whether an operation keyed {@code key} has begun and not finished. */
    boolean inProgress(String key);

    /** Appends {@code entry} to the ledger, durably, chained to the one before. */
    void record(LedgerEntryDTO entry);

    /** Saves the route that the slot {@code slotId} must come back to after a restart. */
    void saveRoute(String slotId, SavedRoute route);

    /** The route saved for {@code slotId}, or {@code null}. */
    SavedRoute savedRoute(String slotId);

    /** The ids of every slot with a saved route. */
    Set<String> savedRouteIds();
}
