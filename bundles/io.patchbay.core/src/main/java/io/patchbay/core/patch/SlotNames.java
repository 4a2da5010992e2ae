package io.patchbay.core.patch;

import io.patchbay.api.UnknownSlotException;
import io.patchbay.core.slot.Slot;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds a slot by what an operator types: the slot id, the id without its name ({@code interface@version}), the
 * interface name, the slot name, a unique suffix of any of these (for example {@code PriceService} or
 * {@code PriceService@1.0.0}), or its number ({@link Slot#number()}: given at the slot's creation, never another
 * slot's, so not its position in the list).
 */
public final class SlotNames {

    private SlotNames() {
    }

    public static Slot find(List<Slot> slots, String name) {
        if (name == null || name.isBlank()) {
            throw new UnknownSlotException("Name a slot; the slots are: " + ids(slots) + ".");
        }
        String wanted = name.trim();
        if (wanted.chars().allMatch(Character::isDigit)) {
            int number = wanted.length() > 9 ? -1 : Integer.parseInt(wanted);
            for (Slot slot : slots) {
                if (slot.number() == number) {
                    return slot;
                }
            }
            throw new UnknownSlotException("There is no slot number " + wanted + "; the numbers are "
                    + (slots.isEmpty() ? "none" : slots.stream().map(s -> String.valueOf(s.number()))
                            .collect(Collectors.joining(", "))) + ".");
        }
        List<Slot> exact = slots.stream()
                .filter(s -> s.id().equals(wanted) || unnamed(s).equals(wanted) || s.type().getName().equals(wanted)
                        || s.name().equals(wanted))
                .toList();
        List<Slot> matches = exact.isEmpty() ? slots.stream().filter(s -> matchesSuffix(s, wanted)).toList() : exact;
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new UnknownSlotException("No slot matches '" + wanted + "'; the slots are: " + ids(slots) + ".");
        }
        throw new UnknownSlotException("'" + wanted + "' matches " + matches.size() + " slots: " + ids(matches)
                + "; name one of them.");
    }

    private static String unnamed(Slot slot) {
        return slot.type().getName() + "@" + slot.apiVersion();
    }

    private static boolean matchesSuffix(Slot slot, String suffix) {
        return slot.id().endsWith(suffix) || unnamed(slot).endsWith(suffix) || slot.type().getName().endsWith("." + suffix)
                || slot.type().getName().endsWith(suffix) && suffix.contains(".");
    }

    static String ids(List<Slot> slots) {
        return slots.isEmpty() ? "(none)" : slots.stream().map(Slot::id).collect(Collectors.joining(", "));
    }
}
