package io.patchbay.webconsole;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON documents of the plugin: the state ({@code GET patches.json}) and the answer to an action. Field names
 * are those of the API's DTOs, plus the few documented in {@code docs/webconsole.md}; they are a contract.
 */
final class PatchesJson {

    /**
     * The ledger actions of a canary in progress: their {@code to} is the candidate, which they route part of the
     * calls to at most, so an implementation's {@code lastSwitch} is never one of them.
     */
    static final Set<String> NOT_SWITCHES = Set.of("canary", "step", "hold", "resume");

    /** {@code GET patches.json}. */
    record State(long time, String token, ManagerStatusDTO status, List<SlotDTO> slots, List<CanaryDTO> canaries,
            List<LedgerEntryDTO> ledger, int ledgerTotal) {
    }

    /** The answer to a POST; {@code canary} only in the canary actions' answers. */
    record Answer(boolean ok, int status, String message, ChangeDTO change,
            @JsonInclude(JsonInclude.Include.NON_NULL) CanaryDTO canary) {
    }

    private PatchesJson() {
    }

    /**
     * Slots with their implementations and consumers, the canaries in progress, the newest {@code ledgerLimit}
     * ledger entries, and the manager's status (the ledger's integrity, whether patches are verified).
     */
    static String state(PatchManager manager, String token, int ledgerLimit) {
        List<SlotDTO> slots = manager.slots();
        List<CanaryDTO> canaries = manager.canaries();
        List<LedgerEntryDTO> ledger = manager.history(null);
        ManagerStatusDTO status = manager.status();
        Map<ImplementationDTO, LedgerEntryDTO> lastSwitches = new IdentityHashMap<>();
        for (SlotDTO slot : slots) {
            if (slot.active != null) {
                lastSwitches.put(slot.active, lastSwitch(slot, slot.active, ledger));
            }
            slot.standby.forEach(standby -> lastSwitches.put(standby, lastSwitch(slot, standby, ledger)));
        }
        State state = new State(System.currentTimeMillis(), token, status, slots, canaries,
                ledger.subList(0, Math.min(ledgerLimit, ledger.size())), ledger.size());
        return Json.write(state, Map.of(JsonMixins.LastSwitch.ATTRIBUTE, lastSwitches));
    }

    /** The answer to a POST: {@code ok}, {@code status}, one-sentence {@code message}, and the change if any. */
    static String outcome(Outcome outcome) {
        return Json.write(new Answer(outcome.status() == Outcome.OK, outcome.status(), outcome.message(),
                outcome.change(), outcome.canary()));
    }

    /** The newest ledger entry that routed the slot to {@code implementation}: when, how, by whom and why. */
    private static LedgerEntryDTO lastSwitch(SlotDTO slot, ImplementationDTO implementation,
            List<LedgerEntryDTO> ledger) {
        return ledger.stream().filter(e -> slot.id.equals(e.slot) && implementation.id.equals(e.to)
                && !NOT_SWITCHES.contains(e.action)).findFirst().orElse(null);
    }
}
