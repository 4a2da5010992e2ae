package io.patchbay.core.slot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a slot remembers of its route besides the active implementation: the implementations to revert to (newest
 * first), every implementation it ever routed to, the one a restored route waits for, and the framework's moves
 * not yet recorded. Not thread-safe: only
 * {@link Slot} uses it, under its own monitor.
 */
final class RouteMemory {

    private final Deque<String> previous = new ArrayDeque<>();
    private final Set<String> known = new LinkedHashSet<>();
    private String awaiting;
    private final List<Fallback> unrecorded = new ArrayList<>();

    /** The route moves from {@code beforeId} (remembered for a revert if asked) to {@code nextId} (may be null). */
    void moved(String beforeId, boolean rememberBefore, String nextId) {
        if (rememberBefore && beforeId != null && !beforeId.equals(nextId)) {
            previous.remove(beforeId);
            previous.push(beforeId);
        }
        if (nextId != null) {
            previous.remove(nextId);
            known.add(nextId);
        }
        awaiting = null;
    }

    /** The newest id to revert to that {@code present} accepts; ids it refuses are dropped on the way. */
    String revertTarget(Predicate<String> present) {
        while (!previous.isEmpty()) {
            if (present.test(previous.peek())) {
                return previous.peek();
            }
            previous.pop();
        }
        return null;
    }

    List<String> previous() {
        return List.copyOf(previous);
    }

    boolean isKnown(String implementationId) {
        return known.contains(implementationId);
    }

    Set<String> known() {
        return Set.copyOf(known);
    }

    void restore(String activeId, List<String> savedPrevious, Set<String> savedKnown) {
        awaiting = activeId;
        previous.clear();
        previous.addAll(savedPrevious);
        known.addAll(savedKnown);
    }

    String awaiting() {
        return awaiting;
    }

    void stopAwaiting() {
        awaiting = null;
    }

    /** A framework's move, made in memory, for the owner to record. */
    void unrecorded(Fallback fallback) {
        unrecorded.add(fallback);
    }

    /** The framework's moves not yet recorded, oldest first; taken, so each is recorded once. */
    List<Fallback> takeUnrecorded() {
        List<Fallback> taken = List.copyOf(unrecorded);
        unrecorded.clear();
        return taken;
    }
}
