package io.patchbay.fleet;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.SlotDTO;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container's attributes as the server shows them on the target ({@code configData}): Patchbay's version, its
 * slots with their active implementations, and the patches this agent applied. hawkBit limits keys to 32 and
 * values to 128 characters: longer ones are cut.
 */
final class ControllerAttributes {

    static final int KEY_MAX = 32;
    static final int VALUE_MAX = 128;

    private ControllerAttributes() {
    }

    static Map<String, String> of(PatchManager manager, String patchbayVersion, List<AgentState.Applied> applied) {
        Map<String, String> attributes = new TreeMap<>();
        put(attributes, "patchbay.version", patchbayVersion);
        List<SlotDTO> slots = manager.slots();
        put(attributes, "patchbay.slots", Integer.toString(slots.size()));
        for (SlotDTO slot : slots) {
            put(attributes, "slot." + slot.number, slot.id + " = " + (slot.active == null ? "none"
                    : slot.active.id));
        }
        put(attributes, "patchbay.patches", applied.isEmpty() ? "none"
                : String.join(", ", applied.stream().map(a -> a.implementation).toList()));
        return attributes;
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        attributes.put(cut(key, KEY_MAX), cut(value, VALUE_MAX));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "~";
    }
}
