package io.patchbay.launcher;

import static io.patchbay.launcher.Consistency.FIX;
import static io.patchbay.launcher.Consistency.FRAGMENT;
import static io.patchbay.launcher.Consistency.ORIGINAL;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The real launcher process stopped in the middle of apply, fragment apply, revert and activate: at every step
 * boundary (the core's test hook halts the JVM there, as {@code kill -9} would) and by {@code kill -9} at random
 * instants, operations and start-ups alike. After each stop the container is started again and must be consistent
 * ({@link Consistency}).
 */
public class CrashIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final int HALTED = 99;
    private static final List<String> APPLY_STEPS = List.of("begun", "installed", "started", "intent", "routed",
            "saved", "recorded");
    private static final List<String> SWITCH_STEPS = List.of("intent", "routed", "saved", "recorded");
    /** A switch of the stateful example: calls held, data area copied, state handed over, each before the route. */
    private static final List<String> STATE_STEPS = List.of("held", "copied", "handed");
    private static final int RANDOM_KILLS = 12;

    private static Path jar;
    private static Path fix;
    private static Path fragment;
    private Path data;
    private LauncherProcess running;

    @BeforeClass
    public static void copyJars() throws IOException {
        jar = copy(System.getProperty("patchbay.jar", "target/patchbay.jar"), "patchbay-crash-", ".jar");
        fix = copy(System.getProperty("patchbay.fix.jar"), "fix-", ".jar");
        fragment = copy(System.getProperty("patchbay.fragment.jar"), "fragment-", ".jar");
    }

    @AfterClass
    public static void deleteJars() throws IOException {
        for (Path file : List.of(jar, fix, fragment)) {
            Files.deleteIfExists(file);
        }
    }

    @Before
    public void createDataFolder() throws IOException {
        data = Files.createTempDirectory("patchbay-crash-data-");
    }

    @After
    public void killAndClean() throws Exception {
        if (running != null) {
            running.close();
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    public void aStopAtEveryStepOfEveryOperationLeavesAConsistentContainer() throws Exception {
        int points = 0;
        for (String step : APPLY_STEPS) {
            crashAt("apply:" + step, api -> api.apply(fix), Set.of(ORIGINAL, FIX));
            points++;
        }
        for (String step : APPLY_STEPS.stream().filter(s -> !s.equals("started")).toList()) {
            crashAt("apply:" + step, api -> api.apply(fragment), Set.of(ORIGINAL, FRAGMENT));
            points++;
        }
        for (String step : SWITCH_STEPS) {
            crashAt("revert:" + step, api -> {
                JsonNode applied = api.apply(fix);
                assertEquals(applied.toString(), FIX, api.slot().path("active").path("id").asText());
                return api.revert();
            }, Set.of(FIX, ORIGINAL));
            points++;
        }
        for (String step : SWITCH_STEPS) {
            crashAt("activate:" + step, api -> api.activate(FIX), Set.of(ORIGINAL, FIX));
            points++;
        }
        for (String step : STATE_STEPS) { // the fix's apply and its revert carry the example's state
            crashAt("apply:" + step, api -> api.apply(fix), Set.of(ORIGINAL, FIX));
            crashAt("revert:" + step, api -> {
                JsonNode applied = api.apply(fix);
                assertEquals(applied.toString(), FIX, api.slot().path("active").path("id").asText());
                return api.revert();
            }, Set.of(FIX, ORIGINAL));
            points += 2;
        }
        System.out.println("CrashIT: " + points + " step boundaries halted at, " + points
                + " restarts consistent");
    }

    /**
     * A canary stopped at every step of its start and of its promotion: the next start ends it on its baseline (the
     * candidate it installed removed), or finds the promotion done and recorded.
     */
    @Test
    public void aStopAtEveryStepOfACanaryLeavesAConsistentContainer() throws Exception {
        for (String step : List.of("begun", "started", "split")) {
            crashAt("canary:" + step, api -> api.canary(fix), Set.of(ORIGINAL));
        }
        for (String step : SWITCH_STEPS) {
            crashAt("promote:" + step, api -> {
                JsonNode started = api.canary(fix);
                assertTrue(started.toString(), started.path("ok").asBoolean());
                return api.promote();
            }, Set.of(ORIGINAL, FIX));
        }
        System.out.println("CrashIT: 7 canary step boundaries halted at, 7 restarts consistent");
    }

    @Test
    public void killNineAtRandomInstantsLeavesAConsistentContainer() throws Exception {
        long seed = Long.getLong("patchbay.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String active = ORIGINAL;
        int midOperation = 0;
        for (int round = 0; round < RANDOM_KILLS; round++) {
            Started started = launch();
            ConsoleApi api = started.api();
            String before = active;
            Operation operation = round % 4 == 3 ? null : chooseOperation(random, api, before);
            String what = "round " + round + " (seed " + seed + "): " + (operation == null ? "start-up"
                    : operation.name());
            long delay = TimeUnit.MILLISECONDS.toNanos(random.nextInt(operation == null ? 2_500 : 250));
            if (operation == null) {
                started.process().close(); // restart and kill at once, somewhere in its start
                running = LauncherProcess.start(jar, data, freePort());
            } else {
                Thread operator = new Thread(() -> {
                    try {
                        operation.call(api);
                    } catch (IOException | InterruptedException killed) {
                        // the container died under the request, as intended
                    }
                }, "operator");
                operator.start();
            }
            LockSupport.parkNanos(delay); // the random instant of the kill: the test's input, not a synchronisation
            running.close(); // SIGKILL
            int interruptedBefore = countMarks(data);
            Started after = launch();
            Set<String> allowed = operation == null ? Set.of(before) : Set.of(before, operation.target());
            active = Consistency.check(after.process(), after.base(), after.api(), data, allowed, true, what);
            midOperation += countMarks(data) > interruptedBefore ? 1 : 0;
            stop(after.process());
        }
        System.out.println("CrashIT: " + RANDOM_KILLS + " random kills (seed " + seed + "), " + RANDOM_KILLS
                + " restarts consistent, " + midOperation + " of them resolved an operation cut short");
    }

    /** One armed run halted at {@code point}, then a restart that must be consistent and can revert. */
    private void crashAt(String point, Operation.Call operation, Set<String> beforeOrAfter) throws Exception {
        Started armed = launch("-Dpatchbay.test.crash=" + point);
        try {
            JsonNode answer = operation.call(armed.api());
            fail(point + " was never reached; the operation answered " + answer);
        } catch (IOException halted) {
            // the JVM halted under the request
        }
        assertEquals(armed.process().output(), HALTED, armed.process().awaitExit(Duration.ofSeconds(30)));
        assertTrue(armed.process().output().contains("halting at the test crash point " + point));
        Started again = launch();
        Consistency.check(again.process(), again.base(), again.api(), data, beforeOrAfter, true, point);
        stop(again.process());
    }

    private Operation chooseOperation(Random random, ConsoleApi api, String active)
            throws IOException, InterruptedException {
        if (!active.equals(ORIGINAL)) {
            return new Operation("revert", ORIGINAL, ConsoleApi::revert);
        }
        boolean fixStandby = false;
        for (JsonNode standby : api.slot().path("standby")) {
            fixStandby |= standby.path("id").asText().equals(FIX);
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Operation("apply of the fix", FIX, a -> a.apply(fix));
            case 1 -> new Operation("apply of the fragment", FRAGMENT, a -> a.apply(fragment));
            default -> fixStandby ? new Operation("activate of the fix", FIX, a -> a.activate(FIX))
                    : new Operation("apply of the fix", FIX, a -> a.apply(fix));
        };
    }

    private Started launch(String... arguments) throws IOException, InterruptedException {
        int port = freePort();
        running = LauncherProcess.start(jar, data, port, arguments);
        String base = "http://127.0.0.1:" + port;
        assertTrue(running.output(), running.awaitLine(line -> line.contains("Web console: " + base), START));
        String password = Files.readString(data.resolve("console-password")).strip();
        return new Started(running, base, new ConsoleApi(base, password));
    }

    private static void stop(LauncherProcess process) throws InterruptedException {
        process.terminate();
        assertEquals(process.output(), 0, process.awaitExit(Duration.ofSeconds(20)));
    }

    /** How many ledger entries a start wrote for an operation cut short, told by their marks in the ledger file. */
    private static int countMarks(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(f -> f.getFileName().toString().equals("ledger.jsonl")).mapToInt(f -> {
                try {
                    return (int) Files.readAllLines(f).stream().filter(line -> line.contains("\"interrupted\"")
                            || line.contains("recorded at the next start")).count();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static Path copy(String from, String prefix, String suffix) throws IOException {
        Path copy = Files.createTempFile(prefix, suffix);
        Files.copy(Path.of(from), copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Started(LauncherProcess process, String base, ConsoleApi api) {
    }

    private record Operation(String name, String target, Call call) {
        interface Call {
            JsonNode call(ConsoleApi api) throws IOException, InterruptedException;
        }

        JsonNode call(ConsoleApi api) throws IOException, InterruptedException {
            return call.call(api);
        }
    }
}
