package io.patchbay.webconsole;

import com.fasterxml.jackson.core.JsonGenerator;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.ConsumerDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.io.IOException;
import java.util.List;

/**
 * The JSON documents of the plugin: the state ({@code GET patches.json}) and the answer to an action. Field names
 * are those of the API's DTOs, plus the few documented in {@code docs/webconsole.md}; they are a contract.
 */
final class PatchesJson {

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
        return Json.write(json -> {
            json.writeStartObject();
            json.writeNumberField("time", System.currentTimeMillis());
            json.writeStringField("token", token);
            json.writeObjectFieldStart("status");
            json.writeBooleanField("ledgerIntact", status.ledgerIntact);
            json.writeStringField("ledger", status.ledger);
            json.writeBooleanField("verifying", status.verifying);
            json.writeStringField("verification", status.verification);
            json.writeArrayFieldStart("warnings");
            for (String warning : status.warnings == null ? List.<String>of() : status.warnings) {
                json.writeString(warning);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeArrayFieldStart("slots");
            for (SlotDTO slot : slots) {
                slot(json, slot, ledger);
            }
            json.writeEndArray();
            CanaryJson.canaries(json, canaries);
            json.writeArrayFieldStart("ledger");
            for (LedgerEntryDTO entry : ledger.subList(0, Math.min(ledgerLimit, ledger.size()))) {
                entry(json, entry);
            }
            json.writeEndArray();
            json.writeNumberField("ledgerTotal", ledger.size());
            json.writeEndObject();
        });
    }

    /** The answer to a POST: {@code ok}, {@code status}, one-sentence {@code message}, and the change if any. */
    static String outcome(Outcome outcome) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeBooleanField("ok", outcome.status() == 200);
            json.writeNumberField("status", outcome.status());
            json.writeStringField("message", outcome.message());
            ChangeDTO change = outcome.change();
            if (change == null) {
                json.writeNullField("change");
            } else {
                json.writeObjectFieldStart("change");
                json.writeStringField("slot", change.slot);
                json.writeStringField("from", change.from);
                json.writeStringField("to", change.to);
                json.writeBooleanField("changed", change.changed);
                json.writeBooleanField("drained", change.drained);
                json.writeStringField("message", change.message);
                json.writeEndObject();
            }
            if (outcome.canary() != null) { // only the canary actions' answers have it
                json.writeFieldName("canary");
                CanaryJson.canary(json, outcome.canary());
            }
            json.writeEndObject();
        });
    }

    private static void slot(JsonGenerator json, SlotDTO slot, List<LedgerEntryDTO> ledger) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", slot.id);
        json.writeStringField("name", slot.name);
        json.writeStringField("interfaceName", slot.interfaceName);
        json.writeStringField("apiVersion", slot.apiVersion);
        json.writeStringField("scope", slot.scope);
        json.writeFieldName("active");
        if (slot.active == null) {
            json.writeNull();
        } else {
            implementation(json, slot, slot.active, ledger);
        }
        json.writeArrayFieldStart("standby");
        for (ImplementationDTO standby : slot.standby) {
            implementation(json, slot, standby, ledger);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("consumers");
        for (ConsumerDTO consumer : slot.consumers) {
            json.writeStartObject();
            json.writeNumberField("bundleId", consumer.bundleId);
            json.writeStringField("bundleSymbolicName", consumer.bundleSymbolicName);
            json.writeStringField("bundleVersion", consumer.bundleVersion);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("previous");
        for (String previous : slot.previous) {
            json.writeString(previous);
        }
        json.writeEndArray();
        json.writeNumberField("number", slot.number); // after the first fields: those stay where they were
        json.writeEndObject();
    }

    private static void implementation(JsonGenerator json, SlotDTO slot, ImplementationDTO impl,
            List<LedgerEntryDTO> ledger) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", impl.id);
        json.writeNumberField("bundleId", impl.bundleId);
        json.writeStringField("bundleSymbolicName", impl.bundleSymbolicName);
        json.writeStringField("bundleVersion", impl.bundleVersion);
        json.writeNumberField("serviceId", impl.serviceId);
        json.writeStringField("state", impl.state);
        json.writeBooleanField("patch", impl.patch);
        json.writeStringField("patchReason", impl.patchReason);
        json.writeNumberField("activeSince", impl.activeSince);
        json.writeNumberField("calls", impl.calls);
        json.writeNumberField("errors", impl.errors);
        json.writeNumberField("inFlight", impl.inFlight);
        json.writeStringField("rejection", impl.rejection);
        // the newest ledger entry that routed the slot to this implementation: when, how, by whom and why
        LedgerEntryDTO last = ledger.stream().filter(e -> slot.id.equals(e.slot) && impl.id.equals(e.to)
                && !CanaryJson.NOT_SWITCHES.contains(e.action)).findFirst().orElse(null);
        json.writeFieldName("lastSwitch");
        if (last == null) {
            json.writeNull();
        } else {
            entry(json, last);
        }
        json.writeEndObject();
    }

    private static void entry(JsonGenerator json, LedgerEntryDTO entry) throws IOException {
        json.writeStartObject();
        json.writeNumberField("time", entry.time);
        json.writeStringField("action", entry.action);
        json.writeStringField("actor", entry.actor);
        json.writeStringField("slot", entry.slot);
        json.writeStringField("from", entry.from);
        json.writeStringField("to", entry.to);
        json.writeStringField("reason", entry.reason);
        json.writeStringField("checksum", entry.checksum);
        json.writeStringField("signer", entry.signer);
        json.writeEndObject();
    }
}
