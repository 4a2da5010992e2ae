package io.patchbay.bench.swap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Threads calling without pause, each going round the four consumer kinds, every call recorded in the epoch that
 * was current when it started.
 */
final class Load implements AutoCloseable {

    private final Callers callers;
    private final int threadCount;
    private final int kinds;
    private final long origin = System.nanoTime();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Epoch> epochs = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
    private volatile Epoch current;
    private volatile boolean running = true;

    Load(Callers callers, int threadCount, String initiallyServedBy) {
        this.callers = callers;
        this.threadCount = threadCount;
        this.kinds = Callers.KINDS.size();
        Epoch initial = begin(initiallyServedBy);
        initial.returned(initial.start); // nothing to wait for: calls are good from the start
        for (int i = 0; i < threadCount; i++) {
            int index = i;
            Thread thread = new Thread(() -> callUntilClosed(index), "bench-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Nanoseconds since the load began; never 0, which epochs read as "never". */
    long now() {
        return System.nanoTime() - origin + 1;
    }

    /** Starts the next epoch: from now on a good answer is {@code expected}. */
    Epoch begin(String expected) {
        Epoch epoch = new Epoch(epochs.size(), expected, now(), threadCount, kinds);
        epochs.add(epoch);
        current = epoch;
        return epoch;
    }

    List<Epoch> epochs() {
        return List.copyOf(epochs);
    }

    int threads() {
        return threadCount;
    }

    List<String> examples() {
        return List.copyOf(examples);
    }

    private void callUntilClosed(int thread) {
        while (running) {
            for (int kind = 0; kind < kinds && running; kind++) {
                Epoch epoch = current;
                long start = now();
                String servedBy;
                try {
                    servedBy = callers.call(kind);
                } catch (RuntimeException | LinkageError e) {
                    servedBy = null;
                    if (examples.size() < 5) {
                        examples.add(Callers.KINDS.get(kind) + " in swap " + epoch.index + ": " + e);
                    }
                }
                epoch.record(thread, kind, start, now(), servedBy, current != epoch);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
