package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the operations that change routes (apply, revert, activate) and remembers which one runs, so a second
 * operator waits a bounded time and then learns what is in the way instead of blocking for ever. Reentrant: the
 * holder is the outermost operation of its thread.
 */
public final class OperationLock {

    /** Holder records of plain locks (see {@link #of}); the values do not refer to their keys, so they can go. */
    private static final Map<ReentrantLock, AtomicReference<Holder>> HOLDERS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final ReentrantLock lock;
    private final AtomicReference<Holder> holder;

    public OperationLock() {
        this(new ReentrantLock(), new AtomicReference<>());
    }

    private OperationLock(ReentrantLock lock, AtomicReference<Holder> holder) {
        this.lock = lock;
        this.holder = holder;
    }

    /**
     * The operation lock around an existing lock, sharing one holder record for every call with that lock: for a
     * manager that still declares a plain {@link ReentrantLock}. Operations that take {@code lock} directly are
     * not recorded as holders.
     */
    public static OperationLock of(ReentrantLock lock) {
        return new OperationLock(lock, HOLDERS.computeIfAbsent(lock, l -> new AtomicReference<>()));
    }

    /**
     * Takes the lock, waiting at most {@code waitMillis} for the operation before.
     *
     * @param operation what is done, for whoever must wait: {@code apply of fix.jar}, {@code revert of PriceService}
     * @throws PatchException naming the running operation if it is still running after {@code waitMillis}
     */
    public Held acquire(String operation, String actor, long waitMillis) {
        boolean acquired;
        try {
            acquired = lock.tryLock(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatchException("Interrupted while waiting for another patch operation to finish.");
        }
        if (!acquired) {
            Holder running = holder.get();
            throw new PatchException(running == null
                    ? "Another patch operation has been running for more than " + waitMillis / 1000 + " s; try again."
                    : "Another patch operation (" + running + ") has been running for " + running.seconds()
                            + " s; try again.");
        }
        if (lock.getHoldCount() == 1) {
            holder.set(new Holder(operation, actor, System.nanoTime()));
        }
        return new Held();
    }

    /** The operation that holds the lock now, if one does and it was taken through {@link #acquire}. */
    public Optional<Holder> holder() {
        return Optional.ofNullable(holder.get());
    }

    /** An operation holding the lock: what, by whom, since when ({@link System#nanoTime()}). */
    public record Holder(String operation, String actor, long sinceNanos) {

        /** Whole seconds it has been running. */
        public long seconds() {
            return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
        }

        @Override
        public String toString() {
            return operation + (actor == null || actor.isBlank() ? "" : " by " + actor);
        }
    }

    /** The lock, held; closing releases it (once). */
    public final class Held implements AutoCloseable {

        private boolean released;

        private Held() {
        }

        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            if (lock.getHoldCount() == 1) {
                holder.set(null);
            }
            lock.unlock();
        }
    }
}
