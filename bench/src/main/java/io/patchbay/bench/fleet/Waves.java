package io.patchbay.bench.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A rollout's waves read from the agents' events: a wave becomes due when the rollout starts (the first) or when the
 * wave before it has succeeded everywhere; it is done when its last target reported success.
 */
final class Waves {

    /** One wave: its targets, when its first action started and when its last succeeded, in ms after it was due. */
    record Wave(int group, int targets, long firstStartMillis, long doneMillis, int succeeded) {
    }

    private Waves() {
    }

    /** The waves of {@code groups} (the controller ids of each, in order) from events at or after {@code start}. */
    static List<Wave> of(List<Set<String>> groups, Collection<FleetJvm.Event> events, long start) {
        List<Wave> waves = new ArrayList<>();
        long due = start;
        for (int g = 0; g < groups.size(); g++) {
            Set<String> members = groups.get(g);
            long firstStart = Long.MAX_VALUE;
            long lastSuccess = 0;
            int succeeded = 0;
            for (FleetJvm.Event event : events) {
                if (event.time() < start || !members.contains(event.controllerId())) {
                    continue;
                }
                if (event.type().equals("ACTION_STARTED")) {
                    firstStart = Math.min(firstStart, event.time());
                } else if (event.type().equals("ACTION_SUCCEEDED")) {
                    lastSuccess = Math.max(lastSuccess, event.time());
                    succeeded++;
                }
            }
            waves.add(new Wave(g + 1, members.size(), firstStart == Long.MAX_VALUE ? -1 : firstStart - due,
                    succeeded == members.size() ? lastSuccess - due : -1, succeeded));
            due = lastSuccess;
        }
        return waves;
    }

    /** How many of {@code targets} reported success at or after {@code start}. */
    static long succeeded(Set<String> targets, Collection<FleetJvm.Event> events, long start) {
        return events.stream().filter(e -> e.time() >= start && e.type().equals("ACTION_SUCCEEDED")
                && targets.contains(e.controllerId())).map(FleetJvm.Event::controllerId).distinct().count();
    }

    /** How many of {@code targets} started an action at or after {@code start}. */
    static long started(Set<String> targets, Collection<FleetJvm.Event> events, long start) {
        return events.stream().filter(e -> e.time() >= start && e.type().equals("ACTION_STARTED")
                && targets.contains(e.controllerId())).map(FleetJvm.Event::controllerId).distinct().count();
    }

    /** When the first of {@code targets} reported a failure at or after {@code start}; -1 if none did. */
    static long firstFailure(Set<String> targets, Collection<FleetJvm.Event> events, long start) {
        return events.stream().filter(e -> e.time() >= start && e.type().equals("ACTION_FAILED")
                && targets.contains(e.controllerId())).mapToLong(FleetJvm.Event::time).min().orElse(-1);
    }
}
