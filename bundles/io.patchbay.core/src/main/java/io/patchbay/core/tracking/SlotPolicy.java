package io.patchbay.core.tracking;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What the layers above the route tell {@link Slots}, given once at construction.
 *
 * @param dampingMillis how long a call waits for a slot with no implementation
 * @param restoreMillis how long a restored slot waits, once the framework has started, for its saved implementation
 *            whose bundle is active but has not registered its service; then it falls back
 * @param outsidePatchesApply whether a patch installed and started outside Patchbay (the Gogo {@code install}
 *            command, say) is switched to; false in trusted mode, where only apply checks signatures
 * @param canaryRunning whether a slot has a canary in progress (no other change may switch it)
 * @param departing told, on the framework's thread, of every implementation that left its slot (a canary it is an
 *            arm of ends); it must only note and queue
 */
public record SlotPolicy(LongSupplier dampingMillis, LongSupplier restoreMillis, BooleanSupplier outsidePatchesApply,
        Predicate<Slot> canaryRunning, Consumer<Implementation> departing) {

    /** No canaries, patches started outside Patchbay are switched to (tests). */
    public static SlotPolicy plain(LongSupplier dampingMillis, LongSupplier restoreMillis) {
        return new SlotPolicy(dampingMillis, restoreMillis, () -> true, slot -> false, implementation -> {
        });
    }
}
