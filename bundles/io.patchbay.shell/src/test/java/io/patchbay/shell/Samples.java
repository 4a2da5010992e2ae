package io.patchbay.shell;

import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.ConsumerDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.util.ArrayList;
import java.util.List;

/** DTOs shaped like the example application's: the pricing slot, its original and its fix. */
final class Samples {

    static final String SLOT = "com.example.pricing.api.PriceService@1.0.0#pricing";
    static final String ORIGINAL = "com.example.pricing.impl/1.0.0";
    static final String FIXED = "com.example.pricing.impl/1.0.1";
    /** 2025-03-01 03:12:09 UTC. */
    static final long THREE_AM = 1_740_798_729_000L;

    private Samples() {
    }

    static SlotDTO slot() {
        SlotDTO slot = new SlotDTO();
        slot.id = SLOT;
        slot.number = 1;
        slot.name = "pricing";
        slot.interfaceName = "com.example.pricing.api.PriceService";
        slot.apiVersion = "1.0.0";
        slot.active = implementation(ORIGINAL, 12, "active");
        slot.active.activeSince = THREE_AM;
        slot.active.calls = 1204;
        slot.active.errors = 1;
        slot.standby = new ArrayList<>();
        slot.consumers = new ArrayList<>(List.of(consumer(14, "com.example.pricing.web")));
        slot.previous = new ArrayList<>();
        return slot;
    }

    static ImplementationDTO implementation(String id, long bundleId, String state) {
        ImplementationDTO implementation = new ImplementationDTO();
        implementation.id = id;
        implementation.bundleId = bundleId;
        implementation.bundleSymbolicName = id.substring(0, id.indexOf('/'));
        implementation.bundleVersion = id.substring(id.indexOf('/') + 1);
        implementation.state = state;
        return implementation;
    }

    static ConsumerDTO consumer(long bundleId, String name) {
        ConsumerDTO consumer = new ConsumerDTO();
        consumer.bundleId = bundleId;
        consumer.bundleSymbolicName = name;
        consumer.bundleVersion = "1.0.0";
        return consumer;
    }

    static ChangeDTO change(String slot, String from, String to) {
        ChangeDTO change = new ChangeDTO();
        change.slot = slot;
        change.from = from;
        change.to = to;
        change.changed = true;
        change.drained = true;
        change.message = slot + ": " + from + " -> " + to;
        return change;
    }

    static LedgerEntryDTO entry(long time, String action, String from, String to, String actor, String reason) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = time;
        entry.action = action;
        entry.slot = SLOT;
        entry.from = from;
        entry.to = to;
        entry.actor = actor;
        entry.reason = reason;
        return entry;
    }

    static PatchStatusDTO status(String patch, String slot) {
        PatchStatusDTO status = new PatchStatusDTO();
        status.patch = patch;
        status.installed = true;
        status.applied = true;
        status.slots = List.of(slot);
        status.message = patch + " is applied: active in " + slot + ".";
        return status;
    }

    /** An intact ledger of 3 entries, patches not verified. */
    static ManagerStatusDTO managerStatus() {
        ManagerStatusDTO status = new ManagerStatusDTO();
        status.ledgerIntact = true;
        status.ledger = "The ledger is intact: 3 entries, chained.";
        status.verifying = false;
        status.verification = "Patches are not verified: no trust store is configured (trust.store), so any"
                + " well-formed patch is applied.";
        return status;
    }
}
