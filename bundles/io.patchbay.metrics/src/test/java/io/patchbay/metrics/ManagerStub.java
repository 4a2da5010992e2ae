package io.patchbay.metrics;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.SlotDTO;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/** A PatchManager that answers slots() and history() from lists the test fills; every other call fails. */
public final class ManagerStub {

    public final List<SlotDTO> slots = new ArrayList<>();

    public final List<LedgerEntryDTO> ledger = new ArrayList<>();

    public PatchManager manager() {
        return (PatchManager) Proxy.newProxyInstance(PatchManager.class.getClassLoader(),
                new Class<?>[] { PatchManager.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "slots" -> slots;
                    case "history" -> ledger;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    public static SlotDTO slot(String id, ImplementationDTO active, ImplementationDTO... standby) {
        SlotDTO slot = new SlotDTO();
        slot.id = id;
        slot.active = active;
        slot.standby = List.of(standby);
        slot.previous = List.of();
        slot.consumers = List.of();
        slot.interfaces = List.of(id.substring(0, id.indexOf('@')));
        return slot;
    }

    public static ImplementationDTO implementation(String id, long calls, long errors, long inFlight) {
        ImplementationDTO implementation = new ImplementationDTO();
        implementation.id = id;
        implementation.calls = calls;
        implementation.errors = errors;
        implementation.inFlight = inFlight;
        return implementation;
    }

    public static LedgerEntryDTO entry(String slot, String action) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.slot = slot;
        entry.action = action;
        return entry;
    }
}
