package io.patchbay.launcher.storm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Framework departures: until the deadline, stops one implementation or patch bundle over the shell, starts it
 * again and waits (with a deadline) until its implementation is back in its slot, so that a slot never loses all
 * its implementations at once and every consumer call must still be answered. The manager sees a departure and an
 * arrival (a fallback when it was active); operators race it.
 */
public final class Departures implements Runnable {

    /** A bundle that the storm may stop: its id, the slot it serves and its implementation's id. */
    public record Departing(long bundleId, String slot, String implementation) {
    }

    private static final long BACK_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ShellFrontEnd shell;
    private final ConsoleFrontEnd console;
    private final List<Departing> bundles;
    private final long deadlineNanos;
    private final Random random;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile int cycles;

    public Departures(ShellFrontEnd shell, ConsoleFrontEnd console, List<Departing> bundles, long deadlineNanos,
            long seed) {
        this.shell = shell;
        this.console = console;
        this.bundles = bundles;
        this.deadlineNanos = deadlineNanos;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        while (System.nanoTime() < deadlineNanos && failures.isEmpty()) {
            Departing bundle = bundles.get(random.nextInt(bundles.size()));
            try {
                shell.command("stop " + bundle.bundleId());
                shell.command("start " + bundle.bundleId());
                if (!awaitBack(bundle)) {
                    failures.add(bundle.implementation() + " (bundle " + bundle.bundleId() + ") was not back in "
                            + bundle.slot() + " within 30 s of its start");
                }
                cycles++;
            } catch (Exception e) {
                failures.add("stop and start of bundle " + bundle.bundleId() + ": " + e);
            }
        }
    }

    /** Asks the console until the slot lists the implementation again. */
    private boolean awaitBack(Departing bundle) throws Exception {
        return Polls.until(() -> {
            for (JsonNode slot : console.slots().path("slots")) {
                if (slot.path("id").asText().equals(bundle.slot()) && lists(slot, bundle.implementation())) {
                    return true;
                }
            }
            return false;
        }, System.nanoTime() + BACK_NANOS);
    }

    private static boolean lists(JsonNode slot, String implementation) {
        if (slot.path("active").path("id").asText().equals(implementation)) {
            return true;
        }
        for (JsonNode standby : slot.path("standby")) {
            if (standby.path("id").asText().equals(implementation)) {
                return true;
            }
        }
        return false;
    }

    /** Stop and start cycles completed. */
    public int cycles() {
        return cycles;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }
}
