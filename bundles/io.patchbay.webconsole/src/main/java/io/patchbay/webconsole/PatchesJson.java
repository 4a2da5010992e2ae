package io.patchbay.webconsole;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.ConsumerDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.util.List;

/**
 * The JSON documents of the plugin: the state ({@code GET patches.json}) and the answer to an action. Field names
 * are those of the API's DTOs, plus the few documented in {@code docs/webconsole.md}; they are a contract.
 */
final class PatchesJson {

    private PatchesJson() {
    }

    /**
     * Slots with their implementations and consumers, the newest {@code ledgerLimit} ledger entries, and the
     * manager's status (the ledger's integrity, whether patches are verified).
     */
    static String state(PatchManager manager, String token, int ledgerLimit) {
        List<SlotDTO> slots = manager.slots();
        List<LedgerEntryDTO> ledger = manager.history(null);
        ManagerStatusDTO status = manager.status();
        Json json = new Json().object()
                .field("time", System.currentTimeMillis())
                .field("token", token)
                .key("status").object()
                .field("ledgerIntact", status.ledgerIntact).field("ledger", status.ledger)
                .field("verifying", status.verifying).field("verification", status.verification).endObject()
                .key("slots").array();
        for (SlotDTO slot : slots) {
            slot(json, slot, ledger);
        }
        json.endArray().key("ledger").array();
        ledger.stream().limit(ledgerLimit).forEach(entry -> entry(json, entry));
        return json.endArray().field("ledgerTotal", ledger.size()).endObject().toString();
    }

    /** The answer to a POST: {@code ok}, {@code status}, one-sentence {@code message}, and the change if any. */
    static String outcome(Outcome outcome) {
        Json json = new Json().object()
                .field("ok", outcome.status() == 200)
                .field("status", outcome.status())
                .field("message", outcome.message())
                .key("change");
        ChangeDTO change = outcome.change();
        if (change == null) {
            json.nullValue();
        } else {
            json.object().field("slot", change.slot).field("from", change.from).field("to", change.to)
                    .field("changed", change.changed).field("drained", change.drained)
                    .field("message", change.message).endObject();
        }
        return json.endObject().toString();
    }

    private static void slot(Json json, SlotDTO slot, List<LedgerEntryDTO> ledger) {
        json.object().field("id", slot.id).field("name", slot.name).field("interfaceName", slot.interfaceName)
                .field("apiVersion", slot.apiVersion).field("scope", slot.scope).key("active");
        if (slot.active == null) {
            json.nullValue();
        } else {
            implementation(json, slot, slot.active, ledger);
        }
        json.key("standby").array();
        for (ImplementationDTO standby : slot.standby) {
            implementation(json, slot, standby, ledger);
        }
        json.endArray().key("consumers").array();
        for (ConsumerDTO consumer : slot.consumers) {
            json.object().field("bundleId", consumer.bundleId)
                    .field("bundleSymbolicName", consumer.bundleSymbolicName)
                    .field("bundleVersion", consumer.bundleVersion).endObject();
        }
        json.endArray().key("previous").array();
        slot.previous.forEach(json::value);
        json.endArray().endObject();
    }

    private static void implementation(Json json, SlotDTO slot, ImplementationDTO impl, List<LedgerEntryDTO> ledger) {
        json.object().field("id", impl.id).field("bundleId", impl.bundleId)
                .field("bundleSymbolicName", impl.bundleSymbolicName).field("bundleVersion", impl.bundleVersion)
                .field("serviceId", impl.serviceId).field("state", impl.state).field("patch", impl.patch)
                .field("patchReason", impl.patchReason).field("activeSince", impl.activeSince)
                .field("calls", impl.calls).field("errors", impl.errors).field("inFlight", impl.inFlight)
                .key("lastSwitch");
        // the newest ledger entry that routed the slot to this implementation: when, how, by whom and why
        LedgerEntryDTO last = ledger.stream().filter(e -> slot.id.equals(e.slot) && impl.id.equals(e.to))
                .findFirst().orElse(null);
        if (last == null) {
            json.nullValue();
        } else {
            entry(json, last);
        }
        json.endObject();
    }

    private static void entry(Json json, LedgerEntryDTO entry) {
        json.object().field("time", entry.time).field("action", entry.action).field("actor", entry.actor)
                .field("slot", entry.slot).field("from", entry.from).field("to", entry.to)
                .field("reason", entry.reason).field("checksum", entry.checksum).field("signer", entry.signer)
                .endObject();
    }
}
