package io.patchbay.fleet.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patchbay.launcher.Http;
import io.patchbay.launcher.LauncherProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One real Patchbay launcher process as a hawkBit target: its own JVM, free port and data folder, the fleet agent
 * configured the way an operator does it, by {@code <data>/etc/io.patchbay.fleet.cfg}. Read through the same
 * HTTP an operator uses: the example's endpoint, the console's {@code fleet.json} and {@code patches.json}.
 */
final class FleetContainer implements AutoCloseable {

    static final String PASSWORD = "fleet-it-console";
    private static final Duration START = Duration.ofSeconds(180); // a deadline: a busy machine starts slowly
    private static final ObjectMapper JSON = new ObjectMapper();

    final String controllerId;
    final int port;
    private final Path jar;
    private final Path data;
    private LauncherProcess process;

    private FleetContainer(String controllerId, Path jar, Path data, int port) {
        this.controllerId = controllerId;
        this.jar = jar;
        this.data = data;
        this.port = port;
    }

    /**
     * Empties {@code data}, writes the agent's configuration there and starts the launcher; returns once the banner
     * says it started.
     */
    static FleetContainer start(String controllerId, Path jar, Path data, String server, String token,
            List<String> settings) throws IOException, InterruptedException {
        FleetContainer container = prepare(controllerId, jar, data, server, token, settings);
        container.launch();
        return container;
    }

    /** Empties {@code data} and writes the agent's configuration there; {@link #launch} starts it. */
    static FleetContainer prepare(String controllerId, Path jar, Path data, String server, String token,
            List<String> settings) throws IOException {
        if (Files.exists(data)) { // a folder of an earlier run: its ledger and state are not this run's
            try (java.util.stream.Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        Files.createDirectories(data.resolve("etc"));
        List<String> lines = new ArrayList<>(List.of("url = " + server, "controllerId = " + controllerId,
                "gatewayToken = " + token, "pollMs = 1000", "maxBackoffMs = 4000", "connectTimeoutMs = 2000",
                "requestTimeoutMs = 5000"));
        lines.addAll(settings);
        Files.writeString(data.resolve("etc/io.patchbay.fleet.cfg"), String.join("\n", lines) + "\n");
        return new FleetContainer(controllerId, jar, data, freePort());
    }

    /** Starts the launcher with {@code jvmArguments} besides the usual ones; returns once its banner is out. */
    void launch(String... jvmArguments) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-Xmx256m", "-Dpatchbay.console.password=" + PASSWORD));
        arguments.addAll(List.of(jvmArguments));
        process = LauncherProcess.start(jar, data, port, arguments.toArray(String[]::new));
        if (!process.awaitLine(line -> line.startsWith("Patchbay started"), START)) {
            throw new IllegalStateException(controllerId + " did not start:\n" + process.output());
        }
    }

    /** Waits for the process to end by itself (a crash point halts it); gives its exit code, -1 on timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.awaitExit(timeout);
    }

    /** {@code kill -9}: no shutdown hook, no clean stop. */
    void kill() throws InterruptedException {
        process.close();
    }

    String quoteUrl(int quantity) {
        return "http://127.0.0.1:" + port + "/pricing/quote?sku=WIDGET&qty=" + quantity;
    }

    /** The console's {@code fleet.json}: the agent's state. */
    JsonNode fleet() throws IOException {
        return console("fleet.json");
    }

    /** The version serving the example's quotes, from a quote's {@code servedBy}. */
    String servedBy() throws IOException {
        Http.Response response = Http.get(quoteUrl(10), null, null);
        return JSON.readTree(response.body()).path("servedBy").asText();
    }

    /** The ledger, newest first, as {@code action actor: from -> to} lines. */
    List<String> ledger() throws IOException {
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : console("patches.json?ledger=all").path("ledger")) {
            lines.add(entry.path("action").asText() + " " + entry.path("actor").asText() + ": "
                    + entry.path("from").asText() + " -> " + entry.path("to").asText());
        }
        return lines;
    }

    /** Waits until {@code fleet.json} matches, and returns it. */
    JsonNode awaitFleet(String what, Predicate<JsonNode> matches, Duration timeout) throws Exception {
        return Deadline.await(controllerId + ": " + what, timeout, () -> {
            try {
                JsonNode state = fleet();
                return matches.test(state) ? state : null;
            } catch (IOException notYet) { // the console plugin registers through SCR after the banner
                return null;
            }
        });
    }

    private JsonNode console(String path) throws IOException {
        Http.Response response = Http.get("http://127.0.0.1:" + port + "/system/console/" + path, "admin", PASSWORD);
        if (response.status() != 200) {
            throw new IOException(path + " answered " + response.status());
        }
        return JSON.readTree(response.body());
    }

    String output() {
        return process.output();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
