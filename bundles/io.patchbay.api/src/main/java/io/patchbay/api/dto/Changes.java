package io.patchbay.api.dto;

import java.util.Objects;

/**
 * The one place a {@link ChangeDTO} is filled in, so that every operation (apply, revert, activate, a canary's end,
 * the fleet agent's records) answers with the same fields meaning the same thing. Not a DTO itself: a helper beside
 * them, with no state.
 */
public final class Changes {

    private Changes() {
    }

    /**
     * A switch of {@code slot} from {@code from} to {@code to}, with the standard sentence: {@code S now runs B
     * instead of A.}, or {@code S has no implementation now; calls wait for one.} when {@code to} is {@code null}.
     */
    public static ChangeDTO switched(String slot, String from, String to, boolean drained) {
        String message = to == null ? slot + " has no implementation now; calls wait for one."
                : slot + " now runs " + to + (from == null ? "." : " instead of " + from + ".");
        return of(slot, from, to, drained, message);
    }

    /** Nothing needed doing: the slot still runs {@code current}; {@code message} says why. */
    public static ChangeDTO unchanged(String slot, String current, String message) {
        return of(slot, current, current, true, message);
    }

    /** A change with its own sentence; {@link ChangeDTO#changed} is whether {@code from} and {@code to} differ. */
    public static ChangeDTO of(String slot, String from, String to, boolean drained, String message) {
        ChangeDTO change = new ChangeDTO();
        change.slot = slot;
        change.from = from;
        change.to = to;
        change.changed = !Objects.equals(from, to);
        change.drained = drained;
        change.message = message;
        return change;
    }
}
