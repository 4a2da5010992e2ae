package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The real launcher with servlets and event handlers managed and the console's password from the environment: every
 * endpoint, the console, its plugin pages and {@code patches.json} answer after the start, after a change of the
 * console's configuration at run time (which makes the console register its servlet again) and after a restart,
 * with the same slots throughout; patching one quote servlet changes only that servlet. One launcher for the class.
 */
public class ManagedServletsIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String PASSWORD = "managed-servlets-it";
    private static final String MANAGED = "-Dpatchbay.managed.interfaces=jakarta.servlet.Servlet,"
            + "org.osgi.service.event.EventHandler";
    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final String QUOTE_V2 = "/v2/pricing/quote?sku=WIDGET&qty=10&currency=USD";
    private static final List<String> PAGES = List.of("/system/console/bundles", "/system/console/patches",
            "/system/console/patches.json", "/system/console/services", "/system/console/configMgr",
            "/system/console/vmstat");
    private static final String QUOTE_SERVLET = "com.example.pricing.web.QuoteServlet";
    private static final String CONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";

    private static Path jar;
    private static Path data;
    private static int port;
    private static LauncherProcess launcher;
    private static final List<LauncherProcess> started = new ArrayList<>();

    @BeforeClass
    public static void start() throws Exception {
        Path built = Path.of(System.getProperty("patchbay.jar", "target/patchbay.jar"));
        jar = Files.createTempFile("patchbay-it-", ".jar");
        Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
        data = Files.createTempDirectory("patchbay-it-servlets-");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        launch();
    }

    @AfterClass
    public static void stop() throws Exception {
        for (LauncherProcess process : started) {
            process.close();
        }
        Files.deleteIfExists(jar);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    public void everyPageAnswersAfterTheStartAConfigurationChangeOfTheConsoleAndARestart() throws Exception {
        assertEveryPageAnswers("after the start");
        List<String> slots = servletSlots();

        // a configuration replaces the console's defaults: it names the user and password again
        Files.writeString(data.resolve("etc").resolve(CONSOLE_PID + ".cfg"),
                "realm=Managed servlets\nusername=admin\npassword=" + PASSWORD + "\n");
        awaitRealm("Managed servlets"); // the console took its new configuration: it registered its servlet again
        assertEveryPageAnswers("after a change of the console's configuration");
        assertEquals("the same slots, none new", slots, servletSlots());

        launcher.terminate();
        assertEquals(launcher.output(), 0, launcher.awaitExit(Duration.ofSeconds(30)));
        launch();
        assertEveryPageAnswers("after a restart");
        assertEquals("the same slots after the restart", slots, servletSlots());
        assertFalse(launcher.output(), launcher.output().contains("SlotUnavailableException"));
    }

    @Test
    public void patchingOneQuoteServletChangesOnlyThatServlet() throws Exception {
        assertEveryPageAnswers("before the patch");
        ConsoleClient console = new ConsoleClient(base(), PASSWORD, START);
        Path patch = Path.of(System.getProperty("patchbay.webpatch.jar"));
        JsonNode applied = console.post(console.request("/patches?action=apply&name=" + patch.getFileName())
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(patch)));

        assertEquals(applied.toString(), "{\"patched\":true}",
                Http.await(base() + QUOTE, null, null, 200, START, launcher).body());
        assertTrue(Http.get(base() + QUOTE_V2, null, null).body().contains("\"currency\":\"USD\""));
        assertEveryPageAnswers("with the quote servlet patched", QUOTE_V2);

        console.form("action=revert&slot=" + ConsoleClient.encode(QUOTE_SERVLET));
        assertTrue(Http.await(base() + QUOTE, null, null, 200, START, launcher).body().contains("\"total\":81.00"));
    }

    private static void launch() throws IOException, InterruptedException {
        launcher = LauncherProcess.startWith(Map.of("PATCHBAY_CONSOLE_PASSWORD", PASSWORD), jar, data, port,
                MANAGED);
        started.add(launcher);
        assertTrue(launcher.output(), launcher.awaitLine(line -> line.contains("Web console: "), START));
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
    }

    private static void assertEveryPageAnswers(String when) {
        assertEveryPageAnswers(when, QUOTE, QUOTE_V2);
    }

    private static void assertEveryPageAnswers(String when, String... endpoints) {
        for (String endpoint : endpoints) {
            Http.Response answer = Http.await(base() + endpoint, null, null, 200, START, launcher);
            assertEquals(when + ": " + endpoint + " " + answer.body() + "\n" + launcher.output(), 200, answer.status());
        }
        for (String page : PAGES) {
            Http.Response answer = Http.await(base() + page, "admin", PASSWORD, 200, START, launcher);
            assertEquals(when + ": " + page + "\n" + launcher.output(), 200, answer.status());
        }
    }

    /** The ids of the servlet slots in {@code patches.json}, sorted. */
    private static List<String> servletSlots() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode slot : new ConsoleClient(base(), PASSWORD, START).patches("0").get("slots")) {
            if (slot.get("id").asText().startsWith("jakarta.servlet.Servlet@")) {
                ids.add(slot.get("id").asText());
            }
        }
        ids.sort(null);
        assertTrue(ids.toString(), ids.stream().anyMatch(id -> id.endsWith("#" + QUOTE_SERVLET)));
        assertTrue("no name by registration order: " + ids, ids.stream().noneMatch(id -> id.matches(".*~\\d+")));
        return ids;
    }

    /** Waits until the console asks for credentials in {@code realm}, the sign that it took its configuration. */
    private static void awaitRealm(String realm) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/system/console/bundles")).build();
        long deadline = System.nanoTime() + START.toNanos();
        String asked = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            asked = answer.headers().firstValue("WWW-Authenticate").orElse("");
            if (asked.contains(realm)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // the polling interval of this bounded wait
        }
        throw new AssertionError("the console still asks for " + asked + "\n" + launcher.output());
    }
}
