package io.patchbay.shell;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PatchManager} with canned answers that records every call as one line, for testing that the commands
 * translate and nothing more. One slot; names it does not know fail like the real manager does.
 */
final class FakePatchManager implements PatchManager {

    final List<String> calls = new ArrayList<>();
    final List<LedgerEntryDTO> ledger = new ArrayList<>();
    final SlotDTO slot = Samples.slot();

    @Override
    public List<SlotDTO> slots() {
        calls.add("slots");
        return List.of(slot);
    }

    @Override
    public SlotDTO slot(String name) {
        calls.add("slot " + name);
        return find(name);
    }

    @Override
    public ChangeDTO apply(String location, String reason, String actor) {
        calls.add("apply " + location + " reason=" + reason + " actor=" + actor);
        if (!location.endsWith(".jar")) {
            throw new PatchException("There is no file " + location + ".");
        }
        return Samples.change(slot.id, Samples.ORIGINAL, Samples.FIXED);
    }

    @Override
    public ChangeDTO applyTo(String slotName, String location, String reason, String actor) {
        calls.add("applyTo " + slotName + " " + location + " reason=" + reason + " actor=" + actor);
        return Samples.change(find(slotName).id, Samples.ORIGINAL, Samples.FIXED);
    }

    @Override
    public ChangeDTO applyTo(String slotName, InputStream patch, String name, String reason, String actor) {
        throw new UnsupportedOperationException("the shell applies by location");
    }

    @Override
    public ChangeDTO apply(InputStream patch, String name, String reason, String actor) {
        throw new UnsupportedOperationException("the shell applies by location");
    }

    @Override
    public ChangeDTO revert(String name, String reason, String actor) {
        calls.add("revert " + name + " reason=" + reason + " actor=" + actor);
        return Samples.change(find(name).id, Samples.FIXED, Samples.ORIGINAL);
    }

    @Override
    public ChangeDTO activate(String name, String implementation, String reason, String actor) {
        calls.add("activate " + name + " " + implementation + " reason=" + reason + " actor=" + actor);
        return Samples.change(find(name).id, Samples.ORIGINAL, implementation);
    }

    @Override
    public PatchStatusDTO status(String patch) {
        calls.add("status " + patch);
        return Samples.status(patch, slot.id);
    }

    @Override
    public ManagerStatusDTO status() {
        calls.add("status");
        return Samples.managerStatus();
    }

    @Override
    public List<LedgerEntryDTO> history(String name) {
        calls.add("history " + name);
        return name == null ? ledger : ledger.stream().filter(e -> e.slot.equals(find(name).id)).toList();
    }

    private SlotDTO find(String name) {
        if (name.equals("1") || slot.id.endsWith(name) || slot.interfaceName.endsWith(name)) {
            return slot;
        }
        throw new PatchException("No slot matches '" + name + "'; the slots are: " + slot.id + ".");
    }

    @Override
    public CanaryDTO canary(String slot, String location, CanarySpecDTO spec, String reason, String actor) {
        calls.add("canary " + location + " slot=" + slot + " split=" + spec.split + " reason=" + reason);
        return new CanaryDTO();
    }

    @Override
    public CanaryDTO canary(String slot, InputStream patch, String name, CanarySpecDTO spec, String reason,
            String actor) {
        calls.add("canary upload " + name);
        return new CanaryDTO();
    }

    @Override
    public CanaryDTO canaryOf(String slot, String implementation, CanarySpecDTO spec, String reason, String actor) {
        calls.add("canaryOf " + implementation + " slot=" + slot + " split=" + spec.split);
        return new CanaryDTO();
    }

    @Override
    public List<CanaryDTO> canaries() {
        calls.add("canaries");
        return List.of();
    }

    @Override
    public CanaryDTO lastCanary(String slot) {
        calls.add("lastCanary " + slot);
        return null;
    }

    @Override
    public ChangeDTO promote(String slot, String reason, String actor) {
        calls.add("promote " + slot);
        return new ChangeDTO();
    }

    @Override
    public CanaryDTO hold(String slot, String reason, String actor) {
        calls.add("hold " + slot);
        return new CanaryDTO();
    }

    @Override
    public CanaryDTO resume(String slot, String reason, String actor) {
        calls.add("resume " + slot);
        return new CanaryDTO();
    }

    @Override
    public int bucket(String salt, String key) {
        calls.add("bucket " + salt + " " + key);
        return 42;
    }
}
