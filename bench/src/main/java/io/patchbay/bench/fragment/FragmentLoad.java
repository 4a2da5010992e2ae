package io.patchbay.bench.fragment;

import io.patchbay.bench.swap.Callers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Histogram;

/**
 * Threads calling without pause, each going round the four consumer kinds, timing every call with
 * {@link System#nanoTime()}. Whenever a thread's call ends more than the threshold after its previous call ended,
 * the stretch is kept (previous end, start, end); every call that started once the current operation had returned
 * and ended before the next one began is judged by who served it.
 */
final class FragmentLoad implements AutoCloseable {

    /** Calls are counted by what was going on when they started: no switch yet, an apply or a revert. */
    static final int BEFORE = 0;
    static final int APPLY = 1;
    static final int REVERT = 2;

    /** What answers must look like from some moment on: patched or not. */
    static final class Phase {

        final int what;
        final boolean patched;
        private volatile long judgeFrom;

        Phase(int what, boolean patched, long judgeFrom) {
            this.what = what;
            this.patched = patched;
            this.judgeFrom = judgeFrom;
        }

        /** Calls that start at or after {@code time} (a nanoTime; and end in this phase) are judged. */
        void judgeFrom(long time) {
            judgeFrom = time;
        }
    }

    /** One load thread's records, read by the harness only after the thread has been joined. */
    private static final class Lane {

        final long[] calls = new long[3];
        final long[] failed = new long[3];
        final long[] judged = new long[3];
        final long[] wrong = new long[3];
        long[] from = new long[1024];
        long[] start = new long[1024];
        long[] end = new long[1024];
        int slow;
        final Histogram latencies;

        Lane(boolean histogram) {
            latencies = histogram ? new Histogram(3) : null;
        }

        void slow(long previousEnd, long callStart, long callEnd) {
            if (slow == from.length) {
                from = Arrays.copyOf(from, slow * 2);
                start = Arrays.copyOf(start, slow * 2);
                end = Arrays.copyOf(end, slow * 2);
            }
            from[slow] = previousEnd;
            start[slow] = callStart;
            end[slow] = callEnd;
            slow++;
        }
    }

    /**
     * One thread's slow stretches, in time order: {@code end[i]} came more than the threshold after the thread's
     * previous call ended ({@code from[i]}); the call itself ran from {@code start[i]} to {@code end[i]}.
     */
    record Track(long[] from, long[] start, long[] end, int size) {
    }

    private final Callers callers;
    private final long thresholdNanos;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Lane> lanes = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
    private volatile Phase current;
    private volatile boolean running = true;

    /**
     * @param thresholdNanos stretches between two answers longer than this are kept one by one
     * @param histogram whether to record every call's latency (for the no-switch median)
     */
    FragmentLoad(Callers callers, int threadCount, long thresholdNanos, boolean histogram, Phase initial) {
        this.callers = callers;
        this.thresholdNanos = thresholdNanos;
        this.current = initial;
        for (int i = 0; i < threadCount; i++) {
            Lane lane = new Lane(histogram);
            lanes.add(lane);
            Thread thread = new Thread(() -> callUntilClosed(lane), "bench-fragment-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /**
     * From now on calls count towards {@code what}; answers must be {@code patched} or not, for calls starting at
     * or after {@code judgeFrom}.
     */
    Phase begin(int what, boolean patched, long judgeFrom) {
        Phase phase = new Phase(what, patched, judgeFrom);
        current = phase;
        return phase;
    }

    private void callUntilClosed(Lane lane) {
        String lastServed = null;
        boolean lastPatched = false;
        int kinds = Callers.KINDS.size();
        long previousEnd = System.nanoTime();
        while (running) {
            for (int kind = 0; kind < kinds && running; kind++) {
                Phase phase = current;
                long start = System.nanoTime();
                String servedBy;
                try {
                    servedBy = callers.call(kind);
                } catch (RuntimeException | LinkageError e) {
                    servedBy = null;
                    if (examples.size() < 5) {
                        examples.add(Callers.KINDS.get(kind) + ": " + e);
                    }
                }
                long end = System.nanoTime();
                int what = phase.what;
                lane.calls[what]++;
                long nanos = end - start;
                if (end - previousEnd > thresholdNanos) {
                    lane.slow(previousEnd, start, end);
                }
                previousEnd = end;
                if (lane.latencies != null) {
                    lane.latencies.recordValue(nanos);
                }
                if (servedBy == null) {
                    lane.failed[what]++;
                } else if (current == phase && start >= phase.judgeFrom) {
                    if (servedBy != lastServed) { // the same String for every answer of one implementation
                        lastServed = servedBy;
                        lastPatched = servedBy.contains(FragmentRefresh.FRAGMENT);
                    }
                    lane.judged[what]++;
                    if (lastPatched != phase.patched) {
                        lane.wrong[what]++;
                        if (examples.size() < 5) {
                            examples.add("answered by " + servedBy + " when " + (phase.patched ? "" : "un")
                                    + "patched code was due");
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not stop");
            }
        }
    }

    // Read after close():

    /** Calls that started while {@code what} ({@link #BEFORE}, {@link #APPLY}, {@link #REVERT}) was going on. */
    long calls(int what) {
        return lanes.stream().mapToLong(l -> l.calls[what]).sum();
    }

    long failed(int what) {
        return lanes.stream().mapToLong(l -> l.failed[what]).sum();
    }

    long judged(int what) {
        return lanes.stream().mapToLong(l -> l.judged[what]).sum();
    }

    long wrong(int what) {
        return lanes.stream().mapToLong(l -> l.wrong[what]).sum();
    }

    List<String> examples() {
        return List.copyOf(examples);
    }

    /** Median latency of every call, in nanoseconds (only with {@code histogram}). */
    long medianNanos() {
        Histogram all = new Histogram(3);
        lanes.forEach(l -> all.add(l.latencies));
        return all.getValueAtPercentile(50);
    }

    /** Every thread's slow stretches (see {@link Track}). */
    List<Track> tracks() {
        return lanes.stream().map(l -> new Track(l.from, l.start, l.end, l.slow)).toList();
    }
}
