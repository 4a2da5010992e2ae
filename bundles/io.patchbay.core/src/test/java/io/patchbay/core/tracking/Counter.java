package io.patchbay.core.tracking;

import io.patchbay.api.StateHandoff;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A stateful service for the state tests: it counts its greetings and hands the count over. */
class Counter implements Greeting, StateHandoff {

    final AtomicLong count = new AtomicLong();
    /** Counted down when an export starts. */
    final CountDownLatch exporting = new CountDownLatch(1);
    /** An export returns once this is open (open unless a test closes it). */
    volatile CountDownLatch release = new CountDownLatch(0);
    volatile RuntimeException importFailure;

    @Override
    public String greet() {
        return "greeting " + count.incrementAndGet();
    }

    @Override
    public Map<String, Object> exportState() {
        exporting.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Map.of("count", count.get());
    }

    @Override
    public void importState(Map<String, Object> state) {
        if (importFailure != null) {
            throw importFailure;
        }
        count.set(((Number) state.get("count")).longValue());
    }
}
