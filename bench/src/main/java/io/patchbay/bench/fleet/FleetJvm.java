package io.patchbay.bench.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of simulated targets ({@link SimulatedTargets}) started by the bench: its agents' events are collected
 * into a queue shared by every JVM of the run, and {@link #report()} asks it for its polls and CPU time.
 */
final class FleetJvm implements AutoCloseable {

    /** One agent event, as the JVM printed it. */
    record Event(long time, String controllerId, String type, long actionId, String reason) {
    }

    /** Polls answered and the process's CPU time, at one instant. */
    record Usage(long polls, long cpuNanos) {
    }

    private final Process process;
    private final BlockingQueue<Usage> reports = new LinkedBlockingQueue<>();
    private final List<String> other = new ArrayList<>();

    private FleetJvm(Process process, Queue<Event> events) {
        this.process = process;
        Thread reader = new Thread(() -> read(events), "fleet-jvm-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code count} targets {@code <prefix><first>...} in a JVM of their own (at most 256 MB of heap). */
    static FleetJvm start(String server, String token, Path folder, String prefix, int first, int count,
            long windowMillis, Queue<Event> events) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SimulatedTargets.class.getName(), server, token, folder.toString(), prefix, String.valueOf(first),
                String.valueOf(count), String.valueOf(windowMillis));
        return new FleetJvm(new ProcessBuilder(command).redirectErrorStream(true).start(), events);
    }

    private void read(Queue<Event> events) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                String[] parts = line.split(" ");
                if (parts[0].equals("EVENT") && parts.length >= 5) {
                    String[] event = line.split(" ", 6);
                    events.add(new Event(Long.parseLong(parts[1]), parts[2], parts[3], parts[4].equals("null") ? 0
                            : Long.parseLong(parts[4]), event.length == 6 ? event[5] : ""));
                } else if (parts[0].equals("REPORT") && parts.length == 3) {
                    reports.add(new Usage(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
                } else {
                    synchronized (other) {
                        other.add(line);
                    }
                }
            }
        } catch (IOException ended) {
            // the JVM is gone; close() says how
        }
    }

    /** The JVM's polls and CPU time now. */
    Usage report() throws IOException, InterruptedException {
        command("report");
        Usage usage = reports.poll(30, TimeUnit.SECONDS);
        if (usage == null) {
            throw new IllegalStateException("A fleet JVM did not report within 30 s: " + output());
        }
        return usage;
    }

    /** What the JVM printed besides events and reports (warnings, errors). */
    String output() {
        synchronized (other) {
            return String.join("\n", other);
        }
    }

    private void command(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            command("stop");
        } catch (IOException gone) {
            // ended already
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
