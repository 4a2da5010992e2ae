package io.patchbay.core.store;

import java.util.List;
import java.util.Set;

/**
 * What survives a restart of one slot's route.
 *
 * @param active implementation id that serves calls
 * @param previous the revert stack, most recent first
 * @param known every implementation id the slot has ever served with (a known patch is not re-applied)
 */
public record SavedRoute(String active, List<String> previous, Set<String> known) {
}
