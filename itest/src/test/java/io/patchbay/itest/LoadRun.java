package io.patchbay.itest;

import com.example.pricing.api.Quote;
import io.patchbay.fixture.consumers.PriceCaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Threads calling through the consumers without pause while the test switches routes. A switch is bracketed by
 * {@link #switching()} and {@link #switched(String)}; a call that starts and ends between two switches, after one
 * has returned, must be answered by the implementation that switch installed.
 */
public final class LoadRun implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong(); // odd while a switch is running
    private volatile String expected;
    private volatile boolean running = true;
    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();

    public LoadRun(Map<String, PriceCaller> callers, int threadCount, String initiallyServedBy) {
        this.expected = initiallyServedBy;
        List<PriceCaller> all = List.copyOf(callers.values());
        for (int i = 0; i < threadCount; i++) {
            PriceCaller caller = all.get(i % all.size());
            Thread thread = new Thread(() -> callUntilClosed(caller), "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    private void callUntilClosed(PriceCaller caller) {
        while (running) {
            long before = sequence.get();
            String want = expected;
            try {
                Quote quote = caller.call("WIDGET", 10);
                calls.increment();
                if (before % 2 == 0 && sequence.get() == before && !want.equals(quote.servedBy())) {
                    stale.increment();
                    note("stale: wanted " + want + " got " + quote.servedBy());
                }
            } catch (RuntimeException e) {
                failures.increment();
                note("failed: " + e);
            }
        }
    }

    private void note(String example) {
        if (examples.size() < 5) {
            examples.add(example);
        }
    }

    public void switching() {
        sequence.incrementAndGet();
    }

    public void switched(String nowServedBy) {
        expected = nowServedBy;
        sequence.incrementAndGet();
    }

    public long calls() {
        return calls.sum();
    }

    public long failures() {
        return failures.sum();
    }

    public long stale() {
        return stale.sum();
    }

    public List<String> examples() {
        return List.copyOf(examples);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
