package io.patchbay.shell;

import io.patchbay.api.dto.ConsumerDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.SlotDTO;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Slots as text: the {@code patch:list} table and the {@code patch:info} report. */
final class SlotText {

    private static final String SLOT_HEADER = "SLOT (interface@API version#name)";

    private final ZoneId zone;

    SlotText(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * One numbered row per slot (its stable number, which names the slot in other commands), then one indented line for the
     * active implementation and one per standby: a slot id and an implementation id do not fit on one 80-column
     * line side by side.
     */
    String table(SlotDTO[] slots) {
        if (slots.length == 0) {
            return "No managed slots.\nA service takes part when it is registered with patchbay.managed=true.";
        }
        int number = 1;
        for (SlotDTO dto : slots) {
            number = Math.max(number, String.valueOf(dto.number).length());
        }
        int slot = SLOT_HEADER.length();
        int implementation = 0;
        for (SlotDTO dto : slots) {
            slot = Math.max(slot, dto.id.length());
            for (ImplementationDTO i : implementations(dto)) {
                implementation = Math.max(implementation, i.id.length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(Text.pad("#", number)).append("  ").append(Text.pad(SLOT_HEADER, slot)).append("  CONSUMERS");
        for (int n = 0; n < slots.length; n++) {
            SlotDTO dto = slots[n];
            out.append('\n').append(Text.pad(String.valueOf(dto.number), number)).append("  ")
                    .append(Text.pad(dto.id, slot)).append("  ").append(dto.consumers.size());
            String indent = " ".repeat(number + 4);
            if (dto.active == null) {
                out.append('\n').append(indent).append("active   none: calls wait for an implementation");
            }
            for (ImplementationDTO i : implementations(dto)) {
                out.append('\n').append(indent).append(Text.pad(i.state, 9)).append(Text.pad(i.id, implementation))
                        .append("  bundle ").append(i.bundleId).append(i.patch ? ", patch" : "");
                rejection(out, indent + "  ", i);
            }
        }
        return out.toString();
    }

    /** Under a rejected implementation: who rejected it and the verdict, so that no one activates it unawares. */
    private static void rejection(StringBuilder out, String indent, ImplementationDTO i) {
        if (i.rejection != null) {
            out.append('\n').append(Text.wrap(indent + "rejected by ", i.rejection, indent + "  "));
        }
    }

    /** Everything about one slot: implementations with their counters, consumers, the revert stack, the ledger. */
    String report(SlotInfo info, LedgerText ledger) {
        SlotDTO slot = info.slot;
        StringBuilder out = new StringBuilder(slot.id);
        out.append("\n  name       ").append(slot.name);
        out.append("\n  interface  ").append(slot.interfaceName == null || slot.interfaces == null
                || slot.interfaces.size() < 2 ? slot.interfaceName : String.join(", ", slot.interfaces));
        out.append("\n  API        ").append(slot.apiVersion);
        if (slot.scope != null && !"singleton".equals(slot.scope)) {
            out.append("\n  scope      ").append(slot.scope).append(": each consumer its own object");
        }
        out.append("\n\nImplementations");
        if (slot.active == null) {
            out.append("\n  active   none: calls wait for an implementation");
        }
        for (ImplementationDTO i : implementations(slot)) {
            out.append("\n  ").append(Text.pad(i.state, 9)).append(i.id).append("  bundle ").append(i.bundleId)
                    .append(i.patch ? ", patch" : "");
            String since = i.activeSince > 0 && "active".equals(i.state)
                    ? "since " + Text.time(i.activeSince, zone) + "; " : "";
            out.append("\n           ").append(since).append(Text.plural(i.calls, "call")).append(", ")
                    .append(Text.plural(i.errors, "error")).append(", ").append(i.inFlight).append(" running");
            if (i.patchReason != null && !i.patchReason.isBlank()) {
                out.append('\n').append(Text.wrap("           reason: ", i.patchReason, " ".repeat(19)));
            }
            rejection(out, "           ", i);
        }
        out.append("\n\nConsumers");
        if (slot.consumers.isEmpty()) {
            out.append("\n  none");
        }
        for (ConsumerDTO c : slot.consumers) {
            out.append("\n  bundle ").append(c.bundleId).append("  ").append(c.bundleSymbolicName).append(' ')
                    .append(c.bundleVersion);
        }
        out.append("\n\nRevert goes back to");
        out.append(slot.previous.isEmpty() ? "\n  nothing: no earlier implementation" : "");
        for (String previous : slot.previous) {
            out.append("\n  ").append(previous);
        }
        out.append("\n\nRecent changes, newest first");
        out.append(info.recent.isEmpty() ? "\n  none recorded" : "\n" + ledger.entries(info.recent, "  "));
        return out.toString();
    }

    /** One line: the slot and where its calls go. */
    static String line(SlotDTO slot) {
        return slot.id + " -> " + (slot.active == null ? "none" : slot.active.id);
    }

    private static List<ImplementationDTO> implementations(SlotDTO slot) {
        List<ImplementationDTO> all = new ArrayList<>();
        if (slot.active != null) {
            all.add(slot.active);
        }
        all.addAll(slot.standby);
        return all;
    }
}
