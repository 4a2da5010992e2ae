package io.patchbay.bench.startup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * One start of one contender, in a fresh folder on a free port, its standard input from {@code /dev/null}: the time
 * from just before the process is started until the example's {@code GET /pricing/quote?sku=WIDGET&qty=10} is
 * first answered 200 with a quote (polled every 10 ms; Jetty's 404 before the servlet registers does not count),
 * the CPU time the process had used by then (user and system, its own and that of the children it waited for:
 * Karaf's script runs {@code java -version} twice before it execs the JVM), which another load on the machine moves
 * much less than the elapsed time, its resident memory ({@code VmRSS} in {@code /proc/<pid>/status}) at that moment
 * and after a settle time, and the bundles in its Felix cache at the first answer. Then SIGTERM, and the folder is
 * deleted.
 */
final class FirstAnswer {

    static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Duration STOP = Duration.ofSeconds(30);

    /** What one start measured. */
    record Sample(String contender, long nanos, long cpuMillis, long rssKb, long settledRssKb, int bundles) {
    }

    private FirstAnswer() {
    }

    static Sample measure(Contender contender, List<String> jvmOptions, Duration settle) throws IOException,
            InterruptedException {
        Path folder = Files.createTempDirectory("patchbay-bench-start-");
        Path log = folder.resolve("output.log");
        int port = Ports.free(1).get(0);
        ProcessBuilder builder = contender.prepare(folder, port, jvmOptions)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            awaitQuote(process, port, log);
            long nanos = System.nanoTime() - start;
            long cpu = cpuMillis(process.pid());
            long rss = rssKb(process.pid());
            int bundles = bundles(contender.bundleCache(folder));
            LockSupport.parkNanos(settle.toNanos()); // a settle time is a fixed wait by definition
            if (!process.isAlive()) {
                throw new IllegalStateException(contender.name() + " exited while settling: " + tail(log));
            }
            return new Sample(contender.key(), nanos, cpu, rss, settle.isZero() ? rss : rssKb(process.pid()),
                    bundles);
        } finally {
            stop(process);
            delete(folder);
        }
    }

    private static void awaitQuote(Process process, int port, Path log) throws IOException {
        URI quote = URI.create("http://127.0.0.1:" + port + QUOTE);
        long end = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() - end < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Exited with " + process.exitValue() + ": " + tail(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) quote.toURL().openConnection();
                connection.setConnectTimeout(200);
                connection.setReadTimeout(5_000);
                int status = connection.getResponseCode();
                String body = status == HttpURLConnection.HTTP_OK ? read(connection.getInputStream()) : "";
                connection.disconnect();
                if (body.contains("\"total\":")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet, or an error page
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // polling a port: no event to wait on
        }
        throw new IllegalStateException("No quote on port " + port + " within " + LIMIT.toSeconds() + " s: "
                + tail(log));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    /**
     * utime + stime + cutime + cstime from {@code /proc/<pid>/stat} (fields 14 to 17, after the command in
     * parentheses), in clock ticks of USER_HZ, 100 a second on Linux.
     */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int field = 14; field <= 17; field++) {
            ticks += Long.parseLong(fields[field - 3]);
        }
        return ticks * 10;
    }

    /** Felix keeps each installed bundle in {@code bundle<id>}; {@code bundle0} is the system bundle. */
    private static int bundles(Path cache) throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            return (int) entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("bundle[1-9][0-9]*")).count();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
