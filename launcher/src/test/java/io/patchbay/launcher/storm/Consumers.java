package io.patchbay.launcher.storm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load: threads that call the example's endpoints (v1 and v2 in turn) until the deadline, each call with a
 * timeout. Every answer must be 200; a failure keeps its first few descriptions for the report.
 */
public final class Consumers {

    private static final int KEPT_FAILURES = 10;

    private final List<URI> endpoints;
    private final long deadlineNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Queue<String> failed = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    public Consumers(int port, long deadlineNanos) {
        this.endpoints = List.of(URI.create("http://127.0.0.1:" + port + "/pricing/quote?sku=WIDGET&qty=10"),
                URI.create("http://127.0.0.1:" + port + "/v2/pricing/quote?sku=WIDGET&qty=10"));
        this.deadlineNanos = deadlineNanos;
    }

    public void start(int count) {
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(this::call, "storm-consumer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Waits for every consumer thread, at most until the deadline; answers the threads still running. */
    public List<Thread> join(long untilNanos) throws InterruptedException {
        return Threads.join(threads, untilNanos);
    }

    private void call() {
        for (int n = 0; System.nanoTime() < deadlineNanos; n++) {
            URI endpoint = endpoints.get(n % endpoints.size());
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).GET().build();
            calls.incrementAndGet();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    fail(endpoint + " answered " + answer.statusCode() + ": " + answer.body());
                }
            } catch (InterruptedException interrupted) {
                fail(endpoint + ": interrupted");
                return;
            } catch (Exception e) {
                fail(endpoint + ": " + e);
            }
        }
    }

    private void fail(String description) {
        if (failures.incrementAndGet() <= KEPT_FAILURES) {
            failed.add(description);
        }
    }

    public long calls() {
        return calls.get();
    }

    public long failures() {
        return failures.get();
    }

    public List<String> firstFailures() {
        return List.copyOf(failed);
    }
}
