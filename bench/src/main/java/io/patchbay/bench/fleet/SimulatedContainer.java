package io.patchbay.bench.fleet;

import io.patchbay.api.PatchInspector;
import io.patchbay.api.PatchManager;
import io.patchbay.api.UnknownSlotException;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.DiffDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.io.InputStream;
import java.util.List;

/**
 * The patch manager and inspector of one simulated container, as the fleet agent sees them: one
 * {@link SimulatedSlot}. What the agent never asks for in the health mode {@code window} (canaries, diffs, uploads
 * by stream) is refused with a sentence.
 */
final class SimulatedContainer implements PatchManager, PatchInspector {

    private final SimulatedSlot slot = new SimulatedSlot();

    SimulatedSlot slot() {
        return slot;
    }

    @Override
    public List<SlotDTO> slots() {
        return List.of(slot.dto());
    }

    @Override
    public SlotDTO slot(String id) {
        return slot.dto().id.equals(id) ? slot.dto() : unknown(id);
    }

    @Override
    public ChangeDTO apply(String location, String reason, String actor) {
        return slot.apply(location, reason, actor);
    }

    @Override
    public ChangeDTO applyTo(String id, String location, String reason, String actor) {
        slot(id);
        return slot.apply(location, reason, actor);
    }

    @Override
    public ChangeDTO revert(String id, String reason, String actor) {
        slot(id);
        return slot.revert(reason, actor);
    }

    @Override
    public List<LedgerEntryDTO> history(String id) {
        return SimulatedSlot.SLOT.equals(id) ? slot.history() : List.of();
    }

    @Override
    public CheckDTO check(String location, String id) {
        return slot.check(location);
    }

    @Override
    public List<CanaryDTO> canaries() {
        return List.of();
    }

    @Override
    public CanaryDTO lastCanary(String slot) {
        return null; // the simulated fleet runs in window mode: no canaries
    }

    @Override
    public ChangeDTO apply(InputStream patch, String name, String reason, String actor) {
        throw notSimulated("apply from a stream");
    }

    @Override
    public ChangeDTO applyTo(String id, InputStream patch, String name, String reason, String actor) {
        throw notSimulated("apply from a stream");
    }

    @Override
    public ChangeDTO activate(String id, String implementation, String reason, String actor) {
        throw notSimulated("activate");
    }

    @Override
    public CanaryDTO canary(String id, String location, CanarySpecDTO spec, String reason, String actor) {
        throw notSimulated("a canary");
    }

    @Override
    public CanaryDTO canary(String id, InputStream patch, String name, CanarySpecDTO spec, String reason,
            String actor) {
        throw notSimulated("a canary");
    }

    @Override
    public CanaryDTO canaryOf(String id, String implementation, CanarySpecDTO spec, String reason, String actor) {
        throw notSimulated("a canary");
    }

    @Override
    public ChangeDTO promote(String id, String reason, String actor) {
        throw notSimulated("promote");
    }

    @Override
    public CanaryDTO hold(String id, String reason, String actor) {
        throw notSimulated("hold");
    }

    @Override
    public CanaryDTO resume(String id, String reason, String actor) {
        throw notSimulated("resume");
    }

    @Override
    public int bucket(String salt, String key) {
        throw notSimulated("routing buckets");
    }

    @Override
    public PatchStatusDTO status(String patch) {
        throw notSimulated("patch status");
    }

    @Override
    public ManagerStatusDTO status() {
        throw notSimulated("the manager's status");
    }

    @Override
    public CheckDTO check(InputStream patch, String name, String id) {
        throw notSimulated("a check from a stream");
    }

    @Override
    public DiffDTO diff(String location, String id) {
        throw notSimulated("diff");
    }

    @Override
    public DiffDTO diff(InputStream patch, String name, String id) {
        throw notSimulated("diff");
    }

    @Override
    public DiffDTO diffSlot(String id) {
        throw notSimulated("diff");
    }

    private static SlotDTO unknown(String id) {
        throw new UnknownSlotException("No slot " + id + " in this simulated container.");
    }

    private static UnsupportedOperationException notSimulated(String what) {
        return new UnsupportedOperationException("The simulated container does not do " + what + ".");
    }
}
