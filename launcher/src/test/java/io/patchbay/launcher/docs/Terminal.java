package io.patchbay.launcher.docs;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code java -jar patchbay.jar} at a terminal, as the docs show it: the launcher runs under {@code script}
 * (util-linux), which gives it a pseudo-terminal, so it takes the interactive path (banner before Gogo, the
 * {@code g!} prompt) and the terminal echoes what is typed, exactly as an operator sees it. A command is typed
 * once the previous one has printed the next prompt.
 */
final class Terminal implements AutoCloseable {

    static final String PROMPT = "g! ";

    private final Process process;
    private final OutputStream keyboard;
    private final StringBuilder screen = new StringBuilder();
    private int read;
    private boolean ended;

    private Terminal(Process process) {
        this.process = process;
        this.keyboard = process.getOutputStream();
        Thread reader = new Thread(this::collect, "doc-terminal-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the launcher in {@code workDir} (the repository: the docs' relative paths are from there). */
    static Terminal start(Path jar, Path data, int port, Path workDir) throws IOException {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpatchbay.http.port=" + port, "-Dpatchbay.data=" + data, "-jar", jar.toString());
        String command = java.stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-q", "-f", "-e", "-c", "exec " + command, "/dev/null")
                .directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PATCHBAY_"));
        builder.environment().put("TERM", "dumb");
        return new Terminal(builder.start());
    }

    private void collect() {
        char[] chunk = new char[8192];
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            for (int n; (n = in.read(chunk)) >= 0;) {
                synchronized (this) {
                    screen.append(new String(chunk, 0, n).replace("\r", ""));
                    notifyAll();
                }
            }
        } catch (IOException gone) {
            // the process ended
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /**
     * Waits for the next prompt and answers what was printed since the last one, without the prompt; the first
     * call answers what the start printed.
     */
    synchronized String awaitPrompt(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!atPrompt()) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("no " + PROMPT.trim() + " prompt within " + timeout + "; the terminal shows:\n"
                        + screen.substring(read));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        String printed = screen.substring(read, screen.length() - PROMPT.length());
        read = screen.length();
        return printed;
    }

    private boolean atPrompt() {
        int end = screen.length();
        return end - read >= PROMPT.length() && screen.substring(end - PROMPT.length()).equals(PROMPT)
                && (end - read == PROMPT.length() || screen.charAt(end - PROMPT.length() - 1) == '\n');
    }

    /** Types a command without waiting for its end. */
    void typeOnly(String command) throws IOException {
        keyboard.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Waits until the screen shows {@code count} more lines since the last prompt. */
    synchronized void awaitLines(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (screen.substring(read).chars().filter(c -> c == '\n').count() < count) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError(count + " lines did not come within " + timeout + "; the terminal shows:\n"
                        + screen.substring(read));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Types a command and answers the session as the terminal shows it: prompt, the echoed command, the output. */
    String type(String command, Duration timeout) throws IOException, InterruptedException {
        typeOnly(command);
        return PROMPT + awaitPrompt(timeout);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the framework from the shell, as an operator would, and waits for the process to end. */
    int stop(Duration timeout) throws IOException, InterruptedException {
        if (process.isAlive()) {
            keyboard.write("stop 0\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
