package io.patchbay.fleet.itest;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hawkBit test server ({@code itest/hawkbit-server}) in a JVM of its own, on a free loopback port, with its
 * database and artifacts in one folder under {@code target/}, its output appended to a log file beside it.
 * <p>
 * {@link #stop()} and {@link #start()} again keep the port and the folder, so everything the server stored
 * survives, as a real restart would. One server per test class; not thread-safe.
 */
public final class HawkbitServer implements AutoCloseable {

    public static final String USER = "admin";
    public static final String PASSWORD = "admin";
    private static final Duration START_DEADLINE = Duration.ofSeconds(600);

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Duration lastStartTime;

    private HawkbitServer(Path jar, Path dataDir, int port) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.port = port;
    }

    /** A server for {@code name} (a folder {@code target/hawkbit/NAME}, emptied first), started. */
    public static HawkbitServer startFresh(String name) throws IOException {
        Path jar = Path.of(System.getProperty("fleet.hawkbit.jar", "../hawkbit-server/target/hawkbit-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no hawkBit server jar at " + jar + ": build itest/hawkbit-server first");
        }
        Path dir = Path.of(System.getProperty("fleet.build", "target"), "hawkbit", name).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        HawkbitServer server = new HawkbitServer(jar, dir, freePort());
        server.start();
        return server;
    }

    /** Starts the JVM and returns once the Management API answers an authenticated request. */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        long t0 = System.nanoTime();
        List<String> cmd = List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port, "--patchbay.fleet.data-dir=" + dataDir);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitUp(System.nanoTime() + START_DEADLINE.toNanos());
        lastStartTime = Duration.ofNanos(System.nanoTime() - t0);
    }

    /** SIGTERM, then waits for the JVM to end (Spring closes the database on the way). */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** For example {@code http://127.0.0.1:PORT} (no slash at the end). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Duration lastStartTime() {
        return lastStartTime;
    }

    public Path log() {
        return log;
    }

    /** The CPU time the server JVM has used since its start; zero where the platform does not say. */
    public Duration cpu() {
        return process == null ? Duration.ZERO : process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Resident memory of the server JVM in kB, from /proc; -1 where that cannot be read. */
    public long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private void awaitUp(long deadline) throws IOException {
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/rest/v1/system/configs"))
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hawkBit server exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for hawkBit", e);
            }
            Deadline.pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException("hawkBit server did not answer within " + START_DEADLINE + ", see " + log);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
        }
    }
}
