package io.patchbay.core.slot;

import io.patchbay.api.PatchException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one writer of a container's routes: a single thread that runs every recorded route change, one at a time, in
 * the order they were handed in. Operators' operations (from every front end), the canary judge's decisions, and
 * the work that framework callbacks leave behind (recording a fallback, draining and releasing an implementation
 * that went away, switching to a patch started outside Patchbay, a restored route that did not come back) all run
 * here. Framework callbacks never wait for it: they change the route in memory, so calls keep flowing, and
 * {@link #submit} the rest. A queued change checks its preconditions when it runs and refuses a stale one.
 * <p>
 * Operators {@link #call} and wait for the result; a call made on the owner's own thread (an operation that
 * switches as one of its steps) runs at once, so the owner never waits for itself.
 */
public final class RouteOwner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RouteOwner.class.getName());

    private final ScheduledExecutorService thread;
    private volatile Thread running;
    /** Submitted framework changes not yet run. */
    private final AtomicInteger pending = new AtomicInteger();

    public RouteOwner() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread owner = new Thread(task, "patchbay-route-owner");
            owner.setDaemon(true);
            running = owner;
            return owner;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    /** Whether the calling thread is the owner's. */
    public boolean isOwner() {
        return Thread.currentThread() == running;
    }

    /**
     * Runs {@code change} on the owner and waits for its result; at once when called on the owner. A
     * {@link RuntimeException} or {@link Error} it throws is thrown here as it is.
     *
     * @param what the change, for the sentence when the manager stops before it ran
     */
    public <T> T call(String what, Supplier<T> change) {
        if (isOwner()) {
            return change.get();
        }
        Future<T> result;
        try {
            result = thread.submit((Callable<T>) change::get);
        } catch (RejectedExecutionException stopped) {
            throw new PatchException("The patch manager is stopping; the " + what + " was not run.");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatchException("Interrupted while waiting for the " + what + "; it may still take effect.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** {@link #call} for a change without a result. */
    public void run(String what, Runnable change) {
        call(what, () -> {
            change.run();
            return null;
        });
    }

    /**
     * Queues {@code change} after every change handed in before it and returns at once: for framework callbacks.
     * What it throws is logged. Dropped, with a log line, once the manager is stopping.
     */
    public void submit(String what, Runnable change) {
        pending.incrementAndGet();
        boolean queued = enqueue(what, 0, () -> {
            try {
                change.run();
            } finally {
                pending.decrementAndGet();
            }
        });
        if (!queued) {
            pending.decrementAndGet();
        }
    }

    /**
     * Waits until the framework's changes {@link #submit submitted} before this call have been recorded, so that a
     * reader sees in the ledger what it already sees in the route; at once when none is pending (an operator's
     * operation in progress is not waited for). Answers whether they were within {@code timeout}.
     */
    public boolean awaitSubmitted(long timeout, TimeUnit unit) throws InterruptedException {
        return pending.get() == 0 || awaitQueued(timeout, unit);
    }

    /** Queues {@code change} to run on the owner once {@code delayMillis} have passed. */
    public void schedule(String what, long delayMillis, Runnable change) {
        enqueue(what, delayMillis, change);
    }

    private boolean enqueue(String what, long delayMillis, Runnable change) {
        try {
            thread.schedule(() -> logged(what, change), delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException stopped) {
            LOG.info("The patch manager is stopping: the " + what + " was not run.");
            return false;
        }
    }

    /** Waits until every change handed in before this call has run (tests; the manager's stop). */
    public boolean awaitQueued(long timeout, TimeUnit unit) throws InterruptedException {
        if (isOwner()) {
            return true;
        }
        try {
            thread.submit(() -> {
            }).get(timeout, unit);
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RejectedExecutionException e) {
            return false;
        }
    }

    private static void logged(String what, Runnable change) {
        try {
            change.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "The " + what + " failed", e);
        }
    }

    /** Runs what is queued now (changes scheduled for later are dropped), waiting at most {@code millis}. */
    public void close(long millis) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(0);
    }
}
