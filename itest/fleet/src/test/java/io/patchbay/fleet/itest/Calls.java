package io.patchbay.fleet.itest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link Traffic} on every container of a fleet for one test; one container's can pause while it is down. */
final class Calls implements AutoCloseable {

    private final Map<FleetContainer, Traffic> traffic = new HashMap<>();
    private final Map<FleetContainer, Traffic> paused = new HashMap<>();

    static Calls on(List<FleetContainer> fleet) {
        Calls calls = new Calls();
        fleet.forEach(container -> calls.traffic.put(container, new Traffic(container)));
        return calls;
    }

    /** Stops the container's calls (before it is killed); what they saw still counts. */
    void pause(FleetContainer container) throws InterruptedException {
        Traffic stopped = traffic.remove(container);
        stopped.close();
        paused.put(container, stopped);
    }

    void resume(FleetContainer container) {
        traffic.put(container, new Traffic(container));
    }

    List<String> failures(FleetContainer container) {
        List<String> all = new java.util.ArrayList<>(traffic.get(container).failures());
        if (paused.containsKey(container)) {
            all.addAll(paused.get(container).failures());
        }
        return all;
    }

    Map<String, Long> servedBy(FleetContainer container) {
        Map<String, Long> all = new HashMap<>(traffic.get(container).servedBy());
        if (paused.containsKey(container)) {
            paused.get(container).servedBy().forEach((by, n) -> all.merge(by, n, Long::sum));
        }
        return all;
    }

    long total() {
        return traffic.values().stream().mapToLong(Traffic::calls).sum();
    }

    @Override
    public void close() throws InterruptedException {
        for (Traffic each : traffic.values()) {
            each.close();
        }
    }
}
