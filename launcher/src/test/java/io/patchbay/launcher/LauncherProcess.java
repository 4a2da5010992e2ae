package io.patchbay.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code java -jar patchbay.jar} as a separate process, stdin from /dev/null (no terminal), stdout and stderr
 * collected line by line so that a test can wait for a line with a deadline. Public, in the launcher's test jar,
 * for the fleet tests (itest/fleet) that run several launchers.
 */
public final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private LauncherProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "launcher-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    public static LauncherProcess start(Path jar, Path data, int port, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dpatchbay.http.port=" + port);
        command.add("-Dpatchbay.data=" + data);
        command.addAll(List.of(extraArgs));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("PATCHBAY_"));
        return new LauncherProcess(builder.start());
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException ended) {
            // the process is gone
        } finally {
            synchronized (this) {
                this.ended = true;
                notifyAll();
            }
        }
    }

    /** Waits until a line matches, the output ends, or the deadline passes; answers whether a line matched. */
    public synchronized boolean awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (lines.stream().anyMatch(matches)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Everything printed so far; once {@link #awaitExit} has returned, everything printed at all. */
    public synchronized String output() {
        return String.join("\n", lines);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    /** The exit code, or -1 if the process has not ended within the timeout; also waits for the output's end. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        awaitLine(line -> false, Duration.ofSeconds(5)); // drain: returns when the output ends
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
