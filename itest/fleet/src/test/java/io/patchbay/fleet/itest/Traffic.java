package io.patchbay.fleet.itest;

import io.patchbay.launcher.Http;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls the example's quote endpoint of one container, on a thread of its own, about every 5 ms, with quantities
 * 1 to 100 in turn (so the broken patch's multiples of 20 come up once in 20 calls). Counts what answered and
 * what did not, by the version that served it.
 */
final class Traffic implements AutoCloseable {

    private final FleetContainer container;
    private final Thread thread;
    private final AtomicLong calls = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Long> servedBy = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    Traffic(FleetContainer container) {
        this.container = container;
        this.thread = new Thread(this::run, "traffic-" + container.controllerId);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        for (int i = 0; running; i++) {
            int quantity = i % 100 + 1;
            try {
                Http.Response response = Http.get(container.quoteUrl(quantity), null, null);
                calls.incrementAndGet();
                if (response.status() != 200) {
                    failed("qty " + quantity + ": " + response.status());
                } else {
                    int at = response.body().indexOf("\"servedBy\":\"");
                    String by = at < 0 ? "?" : response.body().substring(at + 12, response.body().indexOf('"',
                            at + 12));
                    servedBy.merge(by, 1L, Long::sum);
                }
            } catch (IOException e) {
                calls.incrementAndGet();
                failed("qty " + quantity + ": " + e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // pace, not synchronisation
        }
    }

    private synchronized void failed(String what) {
        failures.add(what);
    }

    long calls() {
        return calls.get();
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    Map<String, Long> servedBy() {
        return Map.copyOf(servedBy);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
