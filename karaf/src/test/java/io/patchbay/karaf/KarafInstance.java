package io.patchbay.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Karaf instance of the stock distribution: {@code KARAF_HOME} is the unpacked distribution, left untouched;
 * {@code KARAF_BASE} is a fresh folder under target/ with a copy of its {@code etc/} and the instance's data, so a
 * rerun never sees the last one's state. The instance listens on free loopback ports, reads {@code mvn:} URLs only
 * from the build's repository folder (nothing is downloaded), and runs {@code bin/karaf server} as a child process
 * ({@code KARAF_EXEC=exec}: the process is the JVM itself, so stopping it stops Karaf).
 */
final class KarafInstance implements AutoCloseable {

    private static final Duration STOP = Duration.ofSeconds(30);

    private final Path home;
    private final Path base;
    private final String password = UUID.randomUUID().toString();
    private final int sshPort;
    private final int httpPort;
    private Process process;

    private KarafInstance(Path home, Path base, int sshPort, int httpPort) {
        this.home = home;
        this.base = base;
        this.sshPort = sshPort;
        this.httpPort = httpPort;
    }

    /**
     * Lays out a fresh instance in {@code base} (deleted first) that resolves bundles from {@code repository} and
     * the features repository {@code mvn:io.patchbay/karaf/<version>/xml/features} from {@code features}.
     */
    static KarafInstance create(Path home, Path base, Path repository, Path features, String version)
            throws IOException {
        delete(base);
        copyTree(home.resolve("etc"), base.resolve("etc"));
        // the build attaches features.xml to the karaf module; here it is put where a Maven repository has it
        Path featuresRepository = base.resolve("features-repository");
        Path attached = featuresRepository.resolve("io/patchbay/karaf/" + version + "/karaf-" + version
                + "-features.xml");
        Files.createDirectories(attached.getParent());
        Files.copy(features, attached);
        List<Integer> ports = freePorts(4);
        KarafInstance karaf = new KarafInstance(home, base, ports.get(0), ports.get(1));
        Path etc = base.resolve("etc");
        KarafConfig.set(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshPort", "" + karaf.sshPort,
                "sshHost", "127.0.0.1"));
        KarafConfig.set(etc.resolve("org.apache.karaf.management.cfg"), Map.of(
                "rmiRegistryPort", "" + ports.get(2), "rmiServerPort", "" + ports.get(3)));
        // the karaf user is commented out in a stock distribution; a random password for this run
        KarafConfig.set(etc.resolve("users.properties"), Map.of("karaf", karaf.password + ",_g_:admingroup",
                "_g_\\:admingroup", "group,admin,manager,viewer,systembundles,ssh"));
        // the distribution's own system/ folder, then the build's repository; no remote repository at all
        KarafConfig.set(etc.resolve("org.ops4j.pax.url.mvn.cfg"), Map.of(
                "org.ops4j.pax.url.mvn.defaultRepositories", home.resolve("system").toUri()
                        + "@id=system.repository@snapshots, " + repository.toUri() + "@id=patchbay@snapshots, "
                        + featuresRepository.toUri() + "@id=patchbay.features@snapshots",
                "org.ops4j.pax.url.mvn.repositories", "",
                "org.ops4j.pax.url.mvn.localRepository", base.resolve("m2").toString()));
        // the example's HTTP port, written before the feature's own default (8181) would be
        KarafConfig.set(etc.resolve("org.apache.felix.http.cfg"), Map.of(
                "org.osgi.service.http.port", "" + karaf.httpPort, "org.apache.felix.http.host", "127.0.0.1"));
        return karaf;
    }

    /** Starts {@code bin/karaf server} and returns once the console answers over SSH. */
    void start(Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.out").toFile()));
        environment(builder.environment());
        builder.environment().put("KARAF_EXEC", "exec");
        process = builder.start();
        awaitPort(sshPort, timeout);
    }

    /** Stops the framework cleanly (SIGTERM to the JVM: Karaf's shutdown hook stops every bundle). */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("Karaf did not stop within " + STOP + "\n" + logTail());
        }
        process = null;
    }

    /** Never leaves a Karaf behind, whatever happened. */
    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    KarafConsole console() {
        Map<String, String> environment = new java.util.HashMap<>();
        environment(environment);
        // the client keeps the server keys it has seen under user.home: keep them in the instance, not in ~
        environment.put("KARAF_OPTS", "-Duser.home=" + base.resolve("client-home"));
        return new KarafConsole(home.resolve("bin/client"), sshPort, "karaf", password, environment);
    }

    Path etc() {
        return base.resolve("etc");
    }

    int httpPort() {
        return httpPort;
    }

    /** The password of the instance's {@code karaf} user (console and web console). */
    String password() {
        return password;
    }

    /** The end of Karaf's own log, for failure messages. */
    String logTail() {
        Path log = base.resolve("data/log/karaf.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no " + log + ")");
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable " + log + ": " + e + ")";
        }
    }

    private void environment(Map<String, String> environment) {
        environment.put("KARAF_HOME", home.toString());
        environment.put("KARAF_BASE", base.toString());
        // the distribution's instances/ file would name the last run's root instance
        environment.put("CHECK_ROOT_INSTANCE_RUNNING", "false");
    }

    private void awaitPort(int port, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Karaf exited with " + process.exitValue() + "\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("Karaf's SSH port " + port + " did not open within " + timeout + "\n" + logTail());
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
