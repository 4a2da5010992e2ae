package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Starts the real {@code patchbay.jar} as a separate process (no terminal) and checks it from outside: the example
 * endpoint, the console's password, a clean stop on SIGTERM, the persistent cache, and the refusals (second
 * instance, port in use, bad setting).
 */
public class LauncherIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final String CONSOLE = "/system/console/bundles";
    private static final Pattern TOTAL = Pattern.compile("\"s\":\\[(\\d+),");
    private static final Pattern BUNDLE = Pattern.compile(
            "\\{\"id\":(\\d+),[^{}]*?\"stateRaw\":(\\d+),[^{}]*?\"symbolicName\":\"([^\"]*)\"");
    private static final String ACTIVE = " 32";
    private static final String RESOLVED = " 4";
    private static final String INSTALLED = " 2"; // a stopped bundle that nothing needs is not resolved at start

    private static Path jar;
    private final List<LauncherProcess> processes = new ArrayList<>();
    private Path data;

    /** Runs a private copy, so that a concurrent rebuild of target/patchbay.jar cannot pull classes from under it. */
    @BeforeClass
    public static void copyJar() throws IOException {
        Path built = Path.of(System.getProperty("patchbay.jar", "target/patchbay.jar"));
        jar = Files.createTempFile("patchbay-it-", ".jar");
        Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterClass
    public static void deleteJar() throws IOException {
        Files.deleteIfExists(jar);
    }

    @Before
    public void createDataFolder() throws IOException {
        data = Files.createTempDirectory("patchbay-it-data-");
    }

    @After
    public void killAndClean() throws Exception {
        for (LauncherProcess process : processes) {
            process.close();
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    public void servesGuardsConsoleStopsCleanlyAndKeepsItsCacheAcrossRestarts() throws Exception {
        int port = freePort();
        LauncherProcess first = launch(port);
        ConsoleSecrets.assertAdminAdminRefusedUntilTheBanner(first, port, CONSOLE, START);
        String base = awaitBanner(first, port);
        assertQuote(first, base);

        Path passwordFile = data.resolve("console-password");
        String password = Files.readString(passwordFile).strip();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(401, Http.get(base + CONSOLE, null, null).status());
        assertEquals(401, Http.get(base + CONSOLE, "admin", "admin").status());
        assertEquals(200, Http.get(base + CONSOLE, "admin", password).status());
        Map<Integer, String> bundles = bundles(base, password);
        assertTrue(first.output(), first.output().contains(passwordFile.toString()));
        assertFalse("password printed", first.output().contains(password));
        assertFalse(first.output(), first.output().contains("Warning: HTTP listens on"));
        assertStopsCleanly(first);
        assertEquals("the password in clear text only in its own file", List.of(passwordFile),
                ConsoleSecrets.filesContaining(data, password));

        try (Stream<Path> cache = Files.list(data.resolve("felix-cache"))) {
            assertTrue(cache.anyMatch(dir -> dir.getFileName().toString().startsWith("bundle")));
        }

        LauncherProcess second = launch(port);
        awaitBanner(second, port);
        assertEquals(password, Files.readString(passwordFile).strip());
        assertQuote(second, base);
        assertEquals(200, Http.get(base + CONSOLE, "admin", password).status());
        assertEquals("same bundles, same ids, same states: nothing reinstalled", bundles, bundles(base, password));
        assertFalse(second.output(), second.output().contains(" installed"));
        assertStopsCleanly(second);
    }

    @Test
    public void warnsThatBasicAuthTravelsInClearTextWhenBoundBeyondLoopback() throws Exception {
        int port = freePort();
        LauncherProcess process = launch(port, "-Dpatchbay.http.host=0.0.0.0");
        assertTrue(process.output(), process.awaitLine(line -> line.startsWith("Warning: HTTP listens on 0.0.0.0:"
                + port + ", which other machines can reach, without TLS: the web console's basic auth (user and "
                + "password) travels in clear text."), START));
        String base = "http://localhost:" + port;
        assertTrue(process.output(), process.awaitLine(line -> line.contains("Web console: " + base), START));
        String password = Files.readString(data.resolve("console-password")).strip();
        Http.Response console = Http.await("http://127.0.0.1:" + port + CONSOLE, "admin", password, 200, START,
                process);
        assertEquals(process.output(), 200, console.status());
        assertStopsCleanly(process);
    }

    @Test
    public void refusesASecondInstanceOnTheSameDataFolder() throws Exception {
        int port = freePort();
        LauncherProcess first = launch(port);
        String base = awaitBanner(first, port);

        LauncherProcess second = launch(freePort());
        assertEquals(second.output(), 2, second.awaitExit(STOP));
        assertTrue(second.output(), second.output().contains(
                "Another Patchbay is already running on data folder " + data.toAbsolutePath()));
        assertNoStackTrace(second);
        assertQuote(first, base);
        assertStopsCleanly(first);
    }

    @Test
    public void refusesAPortInUseBeforeStartingTheFramework() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            LauncherProcess process = launch(taken.getLocalPort());
            assertEquals(process.output(), 2, process.awaitExit(STOP));
            assertTrue(process.output(), process.output().contains(
                    "HTTP port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"));
            assertNoStackTrace(process);
            assertFalse("framework not started", Files.exists(data.resolve("felix-cache")));
        }
    }

    @Test
    public void refusesABadPortSetting() throws Exception {
        LauncherProcess process = launch(0, "-Dpatchbay.http.port=eighty");
        assertEquals(process.output(), 2, process.awaitExit(STOP));
        assertTrue(process.output(), process.output().contains("\"eighty\" is not a number between 1 and 65535"));
        assertNoStackTrace(process);
    }

    @Test
    public void updatesOnlyChangedEmbeddedBundlesKeepsIdsAndOperatorStateAndRemovesDroppedOnes() throws Exception {
        int port = freePort();
        LauncherProcess first = launch(port);
        String base = awaitBanner(first, port);
        assertQuote(first, base);
        String password = Files.readString(data.resolve("console-password")).strip();
        Map<Integer, String> original = bundles(base, password);
        int impl = idOf(original, "com.example.pricing.impl");
        int web = idOf(original, "com.example.pricing.web");
        assertEquals(200, Http.post(base + CONSOLE + "/" + impl, "admin", password, "action=stop").status());
        assertStopsCleanly(first);

        Path newer = LauncherJars.withEntries(jar, data.resolve("newer.jar"), Map.of(
                "bundles/com.example.pricing.web.jar",
                LauncherJars.withMarker(LauncherJars.entry(jar, "bundles/com.example.pricing.web.jar")),
                "bundles/zz-it-extra.jar", LauncherJars.emptyBundle("io.patchbay.launcher.it.extra")));
        LauncherProcess second = launch(newer, port);
        awaitBanner(second, port);
        assertTrue(second.output(), second.output().contains("(bundles: 1 installed, 1 updated, 0 removed)"));
        Map<Integer, String> updated = bundles(base, password);
        String implState = updated.get(impl);
        assertTrue("stopped by the operator, still stopped: " + implState,
                implState.equals("com.example.pricing.impl" + INSTALLED)
                        || implState.equals("com.example.pricing.impl" + RESOLVED));
        assertEquals("com.example.pricing.web" + ACTIVE, updated.get(web));
        int extra = idOf(updated, "io.patchbay.launcher.it.extra");
        assertEquals("io.patchbay.launcher.it.extra" + ACTIVE, updated.get(extra));
        Map<Integer, String> expected = new TreeMap<>(original);
        expected.put(impl, implState);
        expected.put(extra, updated.get(extra));
        assertEquals(expected, updated);
        assertEquals(200, Http.post(base + CONSOLE + "/" + impl, "admin", password, "action=start").status());
        assertQuote(second, base);
        assertStopsCleanly(second);

        LauncherProcess third = launch(jar, port);
        awaitBanner(third, port);
        assertTrue(third.output(), third.output().contains("(bundles: 0 installed, 1 updated, 1 removed)"));
        assertEquals(original, bundles(base, password));
        assertStopsCleanly(third);
    }

    private LauncherProcess launch(int port, String... extraArgs) throws IOException {
        return launch(jar, port, extraArgs);
    }

    private LauncherProcess launch(Path launcherJar, int port, String... extraArgs) throws IOException {
        LauncherProcess process = LauncherProcess.start(launcherJar, data, port, extraArgs);
        processes.add(process);
        return process;
    }

    private static int idOf(Map<Integer, String> bundles, String symbolicName) {
        return bundles.entrySet().stream().filter(entry -> entry.getValue().startsWith(symbolicName + " "))
                .mapToInt(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError(symbolicName
                        + " not installed: " + bundles));
    }

    /** Waits for the banner (printed once the framework has started) and answers the base URL. */
    private static String awaitBanner(LauncherProcess process, int port) throws InterruptedException {
        String base = "http://127.0.0.1:" + port;
        assertTrue(process.output(), process.awaitLine(line -> line.contains("Web console: " + base), START));
        return base;
    }

    /** The example bundles may still be activating when HTTP first answers: waits for 200. */
    private static void assertQuote(LauncherProcess process, String base) {
        Http.Response quote = Http.await(base + QUOTE, null, null, 200, START, process);
        assertEquals(quote.body() + "\n" + process.output(), 200, quote.status());
        assertTrue(quote.body(), quote.body().contains("\"servedBy\":\"com.example.pricing.impl 1.0.0\""));
        assertTrue(quote.body(), quote.body().contains("\"total\":81.00"));
    }

    /** Bundle id to "symbolic-name state", from the web console's JSON; checks that its total matches. */
    private static Map<Integer, String> bundles(String base, String password) throws IOException {
        String json = Http.get(base + CONSOLE + ".json", "admin", password).body();
        Matcher total = TOTAL.matcher(json);
        assertTrue(json, total.find());
        Map<Integer, String> states = new TreeMap<>();
        for (Matcher bundle = BUNDLE.matcher(json); bundle.find();) {
            states.put(Integer.valueOf(bundle.group(1)), bundle.group(3) + " " + bundle.group(2));
        }
        assertEquals(json, Integer.parseInt(total.group(1)), states.size());
        return states;
    }

    private static void assertStopsCleanly(LauncherProcess process) throws InterruptedException {
        process.terminate();
        assertEquals(process.output(), 0, process.awaitExit(STOP));
    }

    private static void assertNoStackTrace(LauncherProcess process) {
        assertFalse(process.output(), Pattern.compile("(?m)^\\s+at ").matcher(process.output()).find());
        assertFalse(process.output(), process.output().contains("Exception"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
