package io.patchbay.core.slot;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link LongAdder} whose {@link #sum()} a test can tear at a moment it chooses, the way a real one tears by
 * itself. A real LongAdder keeps its count in cells, picked by the updating thread's probe (which moves to another
 * cell under contention), and {@code sum()} reads the cells one after another without a lock: it can miss an
 * increment in a cell it has already read and still see a decrement that landed in a cell it reads later. Here every
 * increment goes to the first cell and every decrement to the second, and {@link #pauseNextSum()} stops the next
 * sum between the two.
 */
final class TornAdder extends LongAdder {

    private static final long serialVersionUID = 1L;

    private final AtomicLong increments = new AtomicLong();
    private final AtomicLong decrements = new AtomicLong();
    private final transient AtomicReference<Gap> pause = new AtomicReference<>();

    /** The moment a sum has read the first cell and waits to read the second. */
    static final class Gap {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch resume = new CountDownLatch(1);

        /** Waits, with a deadline, until a sum stands between the cells. */
        void awaitReached() throws InterruptedException {
            if (!reached.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("no sum reached the gap between the cells");
            }
        }

        /** Lets that sum read the second cell. */
        void resume() {
            resume.countDown();
        }
    }

    /** The next {@link #sum()} stops after reading the increments, before reading the decrements. */
    Gap pauseNextSum() {
        Gap gap = new Gap();
        pause.set(gap);
        return gap;
    }

    @Override
    public void add(long x) {
        (x >= 0 ? increments : decrements).addAndGet(x);
    }

    @Override
    public void increment() {
        add(1);
    }

    @Override
    public void decrement() {
        add(-1);
    }

    @Override
    public long sum() {
        long sum = increments.get();
        Gap gap = pause.getAndSet(null);
        if (gap != null) {
            gap.reached.countDown();
            try {
                if (!gap.resume.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the test never let the torn sum go on");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return sum + decrements.get();
    }

    @Override
    public long longValue() {
        return sum();
    }
}
