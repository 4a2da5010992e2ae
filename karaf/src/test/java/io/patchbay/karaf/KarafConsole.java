package io.patchbay.karaf;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Types commands into the Karaf console as an operator does from outside: through {@code bin/client}, the SSH
 * client shipped with Karaf, one login session per command.
 */
final class KarafConsole {

    private static final Duration COMMAND = Duration.ofSeconds(60);
    /** ANSI control sequences (colours, cursor moves, modes) and carriage returns. */
    private static final Pattern PROMPT = Pattern.compile("karaf@root\\(\\)>");
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]|\u001B[=>]|\r");

    private final Path client;
    private final int port;
    private final String user;
    private final String password;
    private final Map<String, String> environment;

    KarafConsole(Path client, int port, String user, String password, Map<String, String> environment) {
        this.client = client;
        this.port = port;
        this.user = user;
        this.password = password;
        this.environment = environment;
    }

    /**
     * Types {@code command} at the interactive prompt, then {@code logout}, and returns what the console showed,
     * without its terminal escapes. Interactive, because only there does Karaf print what a command returns (the
     * {@code patch:*} commands return DTOs that their converter lays out); fails when Karaf reports an error.
     */
    String run(String command) throws IOException, InterruptedException {
        String output = execute(command);
        if (failed(output)) {
            throw new AssertionError("'" + command + "' failed:\n" + output);
        }
        return output;
    }

    /**
     * Runs {@code command} until its output satisfies {@code done} or the deadline passes: for what Karaf does in
     * the background after its SSH port opens (boot features, a bundle that is still starting).
     */
    String await(String command, Predicate<String> done, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = execute(command);
        while (!(!failed(last) && done.test(last)) && Instant.now().isBefore(deadline)) {
            last = execute(command);
        }
        if (failed(last) || !done.test(last)) {
            throw new AssertionError("'" + command + "' did not answer as expected within " + timeout
                    + "; last answer:\n" + last);
        }
        return last;
    }

    /**
     * Runs {@code command} as a script does: {@code bin/client -b} with the command on its standard input, no
     * terminal and no prompt (Karaf's SSH exec channel); returns all it printed.
     */
    String batch(String command) throws IOException, InterruptedException {
        Process process = client("-b").start();
        try (Writer input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            input.write(command + "\n");
        }
        StringBuffer screen = new StringBuffer();
        copy(process, screen);
        if (!process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("'" + command + "' in batch mode did not end within " + COMMAND);
        }
        String output = plain(screen);
        if (failed(output) || process.exitValue() != 0) {
            throw new AssertionError("'" + command + "' in batch mode failed:\n" + output);
        }
        return output;
    }

    private static boolean failed(String output) {
        return output.contains("Error executing command") || output.contains("Command not found");
    }

    /**
     * One login: the command is typed only once the prompt is drawn, and {@code logout} once the prompt comes back
     * (input that arrives before the shell reads its terminal is lost), so the output holds the whole answer.
     */
    private String execute(String command) throws IOException, InterruptedException {
        Process process = client().start();
        StringBuffer screen = new StringBuffer();
        Thread reader = new Thread(() -> copy(process, screen), "karaf-client-output");
        reader.start();
        Instant deadline = Instant.now().plus(COMMAND);
        try (Writer keyboard = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            awaitPrompts(screen, 1, deadline, process);
            keyboard.write(command + "\n");
            keyboard.flush();
            awaitPrompts(screen, 2, deadline, process);
            keyboard.write("logout\n");
            keyboard.flush();
        } catch (IOException | AssertionError e) {
            process.destroyForcibly();
            throw new AssertionError("'" + command + "' got no answer within " + COMMAND + ":\n" + plain(screen), e);
        } finally {
            if (!process.waitFor(Duration.between(Instant.now(), deadline).toMillis() + 1, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            reader.join();
        }
        return plain(screen);
    }

    private ProcessBuilder client(String... options) {
        List<String> line = new java.util.ArrayList<>(List.of(client.toString(), "-h", "127.0.0.1", "-a", "" + port,
                "-u", user, "-p", password));
        line.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder;
    }

    private static void awaitPrompts(StringBuffer screen, int count, Instant deadline, Process process)
            throws InterruptedException {
        while (PROMPT.matcher(plain(screen)).results().count() < count) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("no prompt");
            }
            synchronized (screen) {
                screen.wait(50);
            }
        }
    }

    private static void copy(Process process, StringBuffer screen) {
        try (Reader output = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            for (int read; (read = output.read(buffer)) >= 0; ) {
                synchronized (screen) {
                    screen.append(buffer, 0, read);
                    screen.notifyAll();
                }
            }
        } catch (IOException closed) {
            // the client is gone; what it printed is in screen
        }
    }

    private static String plain(CharSequence screen) {
        return ESCAPES.matcher(screen).replaceAll("");
    }
}
