package io.patchbay.core.trace;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.TraceDTO;
import io.patchbay.core.slot.Slot;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The traces running and those stopped lately (kept {@link #KEEP_MILLIS} so their last calls can be read): one
 * at a time per slot, each stopped by a timer when its time is up even if no call comes.
 */
public final class Traces implements AutoCloseable {

    public static final int MAX_CALLS = 10_000;
    public static final long MAX_MILLIS = TimeUnit.HOURS.toMillis(1);
    static final long KEEP_MILLIS = TimeUnit.MINUTES.toMillis(10);

    private final Supplier<Supplier<String>> keys;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Trace> traces = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(run -> {
        Thread thread = new Thread(run, "patchbay-trace-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** @param keys the routing key sources in force when a trace starts (the canary's) */
    public Traces(Supplier<Supplier<String>> keys) {
        this.keys = keys;
    }

    public TraceDTO start(Slot slot, int calls, long millis) {
        if (calls < 1 || calls > MAX_CALLS) {
            throw new PatchException("A trace records 1 to " + MAX_CALLS + " calls, not " + calls + ".");
        }
        if (millis < 1 || millis > MAX_MILLIS) {
            throw new PatchException("A trace lasts 1 ms to " + MAX_MILLIS / 1000 + " seconds, not " + millis
                    + " ms.");
        }
        Trace trace;
        synchronized (this) {
            prune();
            for (Trace running : traces.values()) {
                if (running.slot() == slot && !running.done()) {
                    throw new PatchException(slot.id() + " is being traced already (trace " + running.id()
                            + "); it stops by itself, or stop it first.");
                }
            }
            trace = new Trace(ids.incrementAndGet(), slot, calls, millis, keys.get());
            traces.put(trace.id(), trace);
        }
        trace.start();
        timer.schedule(trace::expire, millis, TimeUnit.MILLISECONDS);
        return trace.dto(0);
    }

    public TraceDTO read(long id, int from, long waitMillis) throws InterruptedException {
        return find(id).read(from, Math.max(0, Math.min(waitMillis, TimeUnit.MINUTES.toMillis(1))));
    }

    public TraceDTO stop(long id) {
        Trace trace = find(id);
        trace.stop("Stopped by request.");
        return trace.dto(0);
    }

    private Trace find(long id) {
        Trace trace = traces.get(id);
        if (trace == null) {
            throw new PatchException("There is no trace " + id + ": traces are kept " + KEEP_MILLIS / 60_000
                    + " minutes after they stop.");
        }
        return trace;
    }

    private void prune() {
        long now = System.currentTimeMillis();
        for (Iterator<Trace> it = traces.values().iterator(); it.hasNext();) {
            Trace trace = it.next();
            if (trace.done() && now - trace.stoppedAt() > KEEP_MILLIS) {
                it.remove();
            }
        }
    }

    /** Stops every trace and the timer: the manager is stopping. */
    @Override
    public void close() {
        traces.values().forEach(trace -> trace.stop("The manager stopped."));
        timer.shutdownNow();
    }
}
