package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A clean stop prints nothing alarming: Ctrl-C at a terminal while the container is still starting (it used to
 * print EventAdmin's "Event Task Processing Interrupted", a RejectedExecutionException, "The web console does not
 * answer yet" or an IllegalStateException's stack trace), and SIGINT and SIGTERM without a terminal once it runs.
 * Each ends with exit code 0.
 */
public class StopIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);
    /** What an operator would take for trouble. */
    private static final Pattern ALARMING = Pattern.compile("(?i)warn|exception|error|does not answer|^\\s+at ");

    private static Path jar;
    private Path data;
    private LauncherProcess launcher;

    @BeforeClass
    public static void copyJar() throws IOException {
        jar = TestResources.privateCopy("patchbay.jar", "target/patchbay.jar", "patchbay-stop-");
    }

    @AfterClass
    public static void deleteJar() throws IOException {
        Files.deleteIfExists(jar);
    }

    @Before
    public void createDataFolder() throws IOException {
        data = Files.createTempDirectory("patchbay-stop-data-");
    }

    @After
    public void killAndClean() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
        TestResources.deleteTree(data);
    }

    @Test
    public void ctrlCAtTheTerminalWhileStartingStopsQuietly() throws Exception {
        launcher = LauncherProcess.startOnTerminal(jar, data, TestResources.freePort());
        assertTrue(launcher.output(), launcher.awaitLine(line -> line.startsWith("Patchbay starting"), START));
        launcher.type("\u0003"); // Ctrl-C: the terminal sends SIGINT while the bundles are still starting
        assertEquals(launcher.output(), 0, launcher.awaitExit(STOP));
        assertQuiet(launcher);
    }

    @Test
    public void sigintAndSigtermWithoutATerminalStopQuietly() throws Exception {
        int port = TestResources.freePort();
        launcher = LauncherProcess.startInterruptible(jar, data, port);
        awaitServing(launcher, port);
        launcher.interrupt();
        assertEquals(launcher.output(), 0, launcher.awaitExit(STOP));
        assertQuiet(launcher);

        launcher = LauncherProcess.start(jar, data, port);
        awaitServing(launcher, port);
        launcher.terminate();
        assertEquals(launcher.output(), 0, launcher.awaitExit(STOP));
        assertQuiet(launcher);
    }

    private static void awaitServing(LauncherProcess process, int port) throws InterruptedException {
        String base = "http://127.0.0.1:" + port;
        assertTrue(process.output(), process.awaitLine(line -> line.contains("Web console: " + base), START));
        Http.Response quote = Http.await(base + "/pricing/quote?sku=WIDGET&qty=10", null, null, 200, START, process);
        assertEquals(process.output(), 200, quote.status());
    }

    private static void assertQuiet(LauncherProcess process) {
        List<String> alarming = process.output().lines().filter(line -> ALARMING.matcher(line).find())
                .collect(Collectors.toList());
        assertEquals(process.output(), List.of(), alarming);
    }
}
