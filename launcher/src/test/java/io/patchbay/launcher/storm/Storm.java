package io.patchbay.launcher.storm;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * An operator storm against a real launcher (issue 23, item 8): consumer threads call the example's v1 and v2
 * endpoints while operators, two over SSH, one through the console's JSON API and one over JMX, apply, revert,
 * activate, start canaries, promote and hold on three slots, as does a driver bundle inside the container through
 * the Java API ({@link DriverBundle}), and bundles of those slots stop and start under them.
 * Then it checks: every thread finished and every operation was answered within {@link #ANSWER}; every refusal was
 * a sentence; the ledger's chain is intact; every operation that changed something is in it exactly once; each
 * slot runs what the ledger says; no consumer call failed. Shared by {@code StormIT} and the bench's part.
 */
public final class Storm {

    /** How long the storm runs, how many consumer threads call, and the seed of the operators' choices. */
    public record Settings(Duration duration, int consumers, long seed) {
    }

    /** The longest any operation or call may take to be answered; a thread still running after it is stuck. */
    public static final Duration ANSWER = Duration.ofSeconds(60);

    private final StormLauncher launcher;
    private final Settings settings;
    private final List<StormSlot> slots;
    private final Map<String, String> actors = new LinkedHashMap<>();
    private final Queue<Operation> journal = new ConcurrentLinkedQueue<>();

    private Storm(StormLauncher launcher, StormJars jars, Settings settings) {
        this.launcher = launcher;
        this.settings = settings;
        this.slots = StormSetup.slots(jars);
    }

    public static StormResult run(StormJars jars, Settings settings) throws Exception {
        try (StormLauncher launcher = new StormLauncher(jars.launcher(), List.of("alice", "bob", "carol"))) {
            try {
                return new Storm(launcher, jars, settings).run(jars);
            } catch (Exception | AssertionError e) {
                throw new IllegalStateException(e + "; the launcher's output:\n" + launcher.output(), e);
            }
        }
    }

    private StormResult run(StormJars jars) throws Exception {
        ConsoleFrontEnd console = launcher.console();
        try (ShellFrontEnd carol = launcher.shell("carol"); ShellFrontEnd alice = launcher.shell("alice");
                ShellFrontEnd bob = launcher.shell("bob"); JmxFrontEnd jmx = launcher.jmx()) {
            StormSetup setup = new StormSetup(carol, console, slots, journal);
            setup.installServices(jars.services());
            setup.installPatches();
            List<Departures.Departing> departing = setup.departing();
            Path apiJournal = launcher.data().resolve("storm-api-journal.tsv");
            Path driver = launcher.data().resolve("storm-driver.jar");
            long start = System.nanoTime();
            long deadline = start + settings.duration().toNanos();
            DriverBundle.build(driver, System.currentTimeMillis() + settings.duration().toMillis(), settings.seed(),
                    slots, apiJournal);
            setup.installAndStart(driver);
            actors.put(ApiFrontEnd.ACTOR, ApiFrontEnd.ACTOR);
            Consumers consumers = new Consumers(launcher.httpPort(), deadline);
            consumers.start(settings.consumers());
            List<Thread> threads = new ArrayList<>();
            int code = 0;
            for (FrontEnd frontEnd : List.of(alice, bob, console, jmx)) {
                actors.put(frontEnd.name(), frontEnd.actor());
                code++;
                threads.add(start(new Operator(frontEnd, frontEnd.name().replaceAll("[^a-z]", ""), slots, deadline,
                        settings.seed() + code, journal), "storm-" + frontEnd.name()));
            }
            actors.put(carol.name(), carol.actor());
            Departures departures = new Departures(carol, console, departing, deadline, settings.seed());
            threads.add(start(departures, "storm-departures"));
            long joinBy = deadline + ANSWER.toNanos();
            List<Thread> stuck = new ArrayList<>(Threads.join(threads, joinBy));
            stuck.addAll(consumers.join(joinBy));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            List<Check> checks = new ArrayList<>();
            checks.add(Check.of("every operator and consumer thread finished", stuck.isEmpty(), describe(stuck)));
            boolean apiDone = Polls.until(() -> Files.exists(apiJournal), joinBy);
            checks.add(Check.of("the Java API's operator inside the container finished", apiDone,
                    "no journal at " + apiJournal));
            if (apiDone) {
                journal.addAll(DriverBundle.read(apiJournal));
            }
            List<Operation> operations = List.copyOf(journal);
            JsonNode after = console.patches();
            checks.addAll(afterwards(operations, departures, consumers, after));
            return new StormResult(seconds, operations, consumers.calls(), consumers.failures(),
                    consumers.firstFailures(), departures.cycles(), StormChecks.entriesByActor(after), checks,
                    after.toString());
        }
    }

    /** The checks of what every operation answered, of the load and the departures, and of the ledger. */
    private List<Check> afterwards(List<Operation> operations, Departures departures, Consumers consumers,
            JsonNode after) {
        List<Check> checks = new ArrayList<>();
        checks.add(everyFrontEndRan(operations));
        checks.addAll(answers(operations));
        checks.add(Check.of("every departed bundle came back", departures.failures().isEmpty(),
                departures.failures().toString()));
        checks.add(Check.of("no consumer call failed", consumers.failures() == 0, consumers.failures()
                + " of " + consumers.calls() + " failed, e.g. " + consumers.firstFailures()));
        checks.addAll(StormChecks.ledger(after, operations, actors, slots));
        return checks;
    }

    private static List<Check> answers(List<Operation> operations) {
        List<Operation> failed = operations.stream().filter(o -> o.outcome() == Outcome.FAILED
                || o.nanos() > ANSWER.toNanos()).toList();
        List<Operation> notSentences = operations.stream().filter(o -> o.outcome() == Outcome.REFUSED
                && !new Answer(o.outcome(), o.answer()).plainSentence()).toList();
        return List.of(
                Check.of("every operation was answered within " + ANSWER.toSeconds() + " s", failed.isEmpty(),
                        failed.size() + " not, e.g. " + failed.subList(0, Math.min(5, failed.size()))),
                Check.of("every refusal is a sentence", notSentences.isEmpty(), notSentences.size() + " not, e.g. "
                        + notSentences.subList(0, Math.min(5, notSentences.size()))));
    }

    private Check everyFrontEndRan(List<Operation> operations) {
        List<String> idle = actors.keySet().stream()
                .filter(name -> operations.stream().noneMatch(o -> o.frontEnd().equals(name))).toList();
        return Check.of("every front end ran operations", idle.isEmpty(), "none by " + idle);
    }

    private static Thread start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String describe(List<Thread> stuck) {
        StringBuilder text = new StringBuilder();
        for (Thread thread : stuck) {
            text.append(thread.getName()).append(" at ").append(Arrays.toString(thread.getStackTrace())).append('\n');
        }
        return text.toString();
    }
}
