package io.patchbay.launcher.storm;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Before the storm, over the shell as {@code carol}: the services fixture installed (its {@code premium} slot is
 * the third), and every patch applied once and reverted, so that each slot has all its implementations installed
 * and a departure never leaves a slot with none. These operations are journaled and checked like the storm's.
 */
final class StormSetup {

    static final String V1 = "com.example.pricing.api.PriceService@1.0.0#pricing";
    static final String V2 = "com.example.pricing.api.PriceService@2.0.0#pricing";
    static final String PREMIUM = "com.example.pricing.api.PriceService@1.0.0#premium";

    private static final Pattern BUNDLE_ID = Pattern.compile("Bundle ID: (\\d+)");
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final ShellFrontEnd shell;
    private final ConsoleFrontEnd console;
    private final List<StormSlot> slots;
    private final Queue<Operation> journal;
    private int operations;

    StormSetup(ShellFrontEnd shell, ConsoleFrontEnd console, List<StormSlot> slots, Queue<Operation> journal) {
        this.shell = shell;
        this.console = console;
        this.slots = slots;
        this.journal = journal;
    }

    static List<StormSlot> slots(StormJars jars) {
        String v1 = "com.example.pricing.impl/";
        String v2 = "com.example.pricing.impl.v2/";
        String services = "io.patchbay.fixture.services/";
        return List.of(
                new StormSlot(V1, v1 + "1.0.0", List.of(v1 + "1.0.0", v1 + "1.0.1", v1 + "1.0.2"),
                        List.of(jars.fix(), jars.broken()), false),
                new StormSlot(V2, v2 + "2.0.0", List.of(v2 + "2.0.0", v2 + "2.0.1"), List.of(jars.v2Patch()), false),
                new StormSlot(PREMIUM, services + "1.0.0", List.of(services + "1.0.0", services + "1.0.1"),
                        List.of(jars.servicesPatch()), true));
    }

    void installServices(Path jar) throws Exception {
        installAndStart(jar);
        awaitSlot(PREMIUM);
    }

    /** Installs a bundle over the shell and starts it. */
    void installAndStart(Path jar) throws Exception {
        Matcher id = BUNDLE_ID.matcher(shell.command("install " + jar.toUri()));
        if (!id.find()) {
            throw new IllegalStateException("The shell did not install " + jar);
        }
        shell.command("start " + id.group(1));
    }

    /** Applies every patch of every slot, then reverts as often: each slot is back on its original. */
    void installPatches() throws Exception {
        for (StormSlot slot : slots) {
            for (Path patch : slot.patches()) {
                expectChange(Action.APPLY, slot, patch.toString());
            }
            for (int i = 0; i < slot.patches().size(); i++) {
                expectChange(Action.REVERT, slot, null);
            }
        }
    }

    /** The bundles a departure may stop: every implementation of the slots but the services fixture's 1.0.0. */
    List<Departures.Departing> departing() throws Exception {
        List<Departures.Departing> departing = new ArrayList<>();
        for (JsonNode bundle : console.bundles().path("data")) {
            String id = bundle.path("symbolicName").asText() + "/" + bundle.path("version").asText();
            for (StormSlot slot : slots) {
                if (slot.implementations().contains(id) && !id.equals("io.patchbay.fixture.services/1.0.0")) {
                    departing.add(new Departures.Departing(bundle.path("id").asLong(), slot.id(), id));
                }
            }
        }
        if (departing.size() != 6) {
            throw new IllegalStateException("Expected six implementation bundles to stop, found " + departing);
        }
        return departing;
    }

    private void expectChange(Action action, StormSlot slot, String target) throws Exception {
        String tag = Operator.tag("setup", ++operations);
        long start = System.nanoTime();
        Answer answer = shell.run(action, slot, target, tag);
        journal.add(new Operation(shell.name(), action, slot.id(), tag, answer.outcome(), System.nanoTime() - start,
                answer.text()));
        if (answer.outcome() != Outcome.CHANGED) {
            throw new IllegalStateException("Setting up, " + action + " of " + slot.id() + " answered " + answer);
        }
    }

    /** Asks the console until the slot exists. */
    private void awaitSlot(String id) throws Exception {
        if (!Polls.until(() -> {
            for (JsonNode slot : console.slots().path("slots")) {
                if (slot.path("id").asText().equals(id)) {
                    return true;
                }
            }
            return false;
        }, System.nanoTime() + WAIT_NANOS)) {
            throw new IllegalStateException("No slot " + id + " within 60 s");
        }
    }
}
