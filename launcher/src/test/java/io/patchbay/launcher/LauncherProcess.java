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
import java.util.Map;
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
        ProcessBuilder builder = new ProcessBuilder(java(jar, data, port, extraArgs))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new LauncherProcess(start(builder));
    }

    /** Like {@link #start}, with {@code environment} added to the launcher's (where the PATCHBAY_ ones are dropped). */
    public static LauncherProcess startWith(Map<String, String> environment, Path jar, Path data, int port,
            String... extraArgs) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(java(jar, data, port, extraArgs))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectErrorStream(true).environment().keySet().removeIf(name -> name.startsWith("PATCHBAY_"));
        builder.environment().putAll(environment);
        return new LauncherProcess(builder.start());
    }

    /**
     * Like {@link #start}, with SIGINT's default action restored ({@code env --default-signal=INT}): a process
     * started from a background job inherits SIGINT ignored, and the JVM then leaves it ignored.
     */
    public static LauncherProcess startInterruptible(Path jar, Path data, int port, String... extraArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.addAll(java(jar, data, port, extraArgs));
        return new LauncherProcess(start(new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))));
    }

    /**
     * The launcher on a terminal of its own ({@code script} gives it a pseudo-terminal), so that it runs the
     * interactive Gogo shell; {@link #type} is typed at that terminal, where Ctrl-C sends SIGINT as a user's would.
     */
    public static LauncherProcess startOnTerminal(Path jar, Path data, int port, String... extraArgs)
            throws IOException {
        // exec: script runs the command through $SHELL, and dash (a CI machine's /bin/sh) stays as java's parent
        // in the terminal's process group, where Ctrl-C kills it and script reports 130 whatever java does
        String java = "exec " + String.join(" ", java(jar, data, port, extraArgs));
        return new LauncherProcess(start(new ProcessBuilder("env", "--default-signal=INT", "script", "-qfec", java,
                "/dev/null")));
    }

    /** Types at the terminal of {@link #startOnTerminal} ({@code "\u0003"} is Ctrl-C). */
    public void type(String keys) throws IOException {
        process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Sends SIGINT, as Ctrl-C would. */
    public void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    private static List<String> java(Path jar, Path data, int port, String... extraArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dpatchbay.http.port=" + port);
        command.add("-Dpatchbay.data=" + data);
        command.addAll(List.of(extraArgs));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private static Process start(ProcessBuilder builder) throws IOException {
        builder.redirectErrorStream(true).environment().keySet().removeIf(name -> name.startsWith("PATCHBAY_"));
        return builder.start();
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
