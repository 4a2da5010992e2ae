package io.patchbay.core;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.List;
import java.util.stream.Collectors;

/** Finds an implementation of a slot by id ({@code name/version}), bundle symbolic name, bundle id or service id. */
final class Implementations {

    private Implementations() {
    }

    static Implementation find(Slot slot, String name) {
        List<Implementation> all = slot.implementations();
        if (name == null || name.isBlank()) {
            throw new PatchException("Name an implementation of " + slot.id() + ": " + ids(all) + ".");
        }
        String wanted = name.trim();
        List<Implementation> matches = all.stream().filter(i -> wanted.equals(i.id()) || PatchManagerImpl.matches(i.bundle(), wanted)
                || wanted.equals(String.valueOf(i.reference().getProperty("service.id")))).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new PatchException(slot.id() + " has no implementation '" + wanted + "'; it has " + ids(all) + ".");
        }
        throw new PatchException("'" + wanted + "' matches " + ids(matches) + " in " + slot.id()
                + "; name one by name/version.");
    }

    /** The one slot that has an implementation by this name, for a canary of a standby when no slot is named. */
    static Slot slotOf(List<Slot> slots, String name) {
        List<Slot> serving = slots.stream().filter(s -> s.implementations().stream().anyMatch(i -> name.equals(i.id())
                || PatchManagerImpl.matches(i.bundle(), name))).toList();
        if (serving.size() == 1) {
            return serving.get(0);
        }
        throw new PatchException(serving.isEmpty() ? "No slot has an implementation '" + name + "'."
                : "'" + name + "' serves " + serving.size() + " slots ("
                        + serving.stream().map(Slot::id).collect(Collectors.joining(", ")) + "); name the slot.");
    }

    private static String ids(List<Implementation> implementations) {
        return implementations.stream().map(Implementation::id).collect(Collectors.joining(", "));
    }
}
