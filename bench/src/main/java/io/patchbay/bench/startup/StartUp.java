package io.patchbay.bench.startup;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Stats;
import io.patchbay.bench.report.Table;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * {@code java -jar launcher/target/patchbay.jar} on a fresh data folder and a free port: time until
 * {@code GET /system/console/} is answered by the web console (401, 200, 302 or 403: not the 404 Jetty gives
 * before the console has registered), and the process's resident memory then.
 */
public final class StartUp {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final Artifacts artifacts;
    private final int runs;

    public StartUp(Artifacts artifacts, int runs) {
        this.artifacts = artifacts;
        this.runs = runs;
    }

    private record Run(long httpNanos, long nanos, long rssKb, int status) {
    }

    public Section run() throws Exception {
        File jar = artifacts.launcherJar();
        List<Run> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(once(jar));
        }
        List<Long> times = results.stream().map(Run::nanos).sorted().toList();
        List<Long> rss = results.stream().map(Run::rssKb).sorted().toList();
        List<Long> http = results.stream().map(Run::httpNanos).sorted().toList();
        Table table = new Table("Runs", "To first HTTP answer, median", "To console answering, median", "min - max",
                "RSS after start, median", "min - max");
        table.row(runs, Stats.ms(http.get(http.size() / 2) / 1e6), Stats.ms(times.get(times.size() / 2) / 1e6),
                Stats.ms(times.get(0) / 1e6) + " - " + Stats.ms(times.get(times.size() - 1) / 1e6),
                rss.get(rss.size() / 2) / 1024 + " MB", rss.get(0) / 1024 + " - " + rss.get(rss.size() - 1) / 1024 + " MB");
        Section section = Section.of("startUp", "Start-up of the container", table, List.of(
                "From just before the process starts until GET /system/console/ first gets any HTTP answer"
                        + " (Jetty up; 404 until the console registers), and until the console itself answers"
                        + " (status " + results.get(0).status() + "), polled every 10 ms; RSS is VmRSS from"
                        + " /proc/<pid>/status at that moment. Each run: fresh data folder under /tmp, free"
                        + " port, standard input from /dev/null, default JVM options."));
        section.data().put("runs", results.stream().map(r -> List.of(Stats.round(r.httpNanos() / 1e6),
                Stats.round(r.nanos() / 1e6), r.rssKb(), r.status())).toList());
        section.data().put("columns", List.of("firstHttpMs", "consoleMs", "rssKb", "status"));
        return section;
    }

    private static Run once(File jar) throws Exception {
        Path data = Files.createTempDirectory("patchbay-bench-start-");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dpatchbay.data=" + data.resolve("data"),
                "-Dpatchbay.http.port=" + port, "-jar", jar.getAbsolutePath())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("output.log").toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long[] firstHttp = { 0 };
            int status = awaitConsole(process, port, data, () -> {
                if (firstHttp[0] == 0) {
                    firstHttp[0] = System.nanoTime() - start;
                }
            });
            long elapsed = System.nanoTime() - start;
            return new Run(firstHttp[0], elapsed, rssKb(process.pid()), status);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            delete(data);
        }
    }

    /** Polls until the console answers; {@code anyAnswer} runs on every HTTP answer before that. */
    private static int awaitConsole(Process process, int port, Path data, Runnable anyAnswer) throws IOException {
        long end = System.nanoTime() + LIMIT.toNanos();
        URI console = URI.create("http://127.0.0.1:" + port + "/system/console/");
        while (System.nanoTime() - end < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The launcher exited with " + process.exitValue() + ": "
                        + Files.readString(data.resolve("output.log")));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) console.toURL().openConnection();
                connection.setConnectTimeout(200);
                connection.setReadTimeout(5_000);
                connection.setInstanceFollowRedirects(false);
                int status = connection.getResponseCode();
                connection.disconnect();
                anyAnswer.run();
                if (status != HttpURLConnection.HTTP_NOT_FOUND) {
                    return status;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // polling a port: no event to wait on
        }
        throw new IllegalStateException("The console did not answer within " + LIMIT.toSeconds() + " s");
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
