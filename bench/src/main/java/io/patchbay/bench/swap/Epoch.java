package io.patchbay.bench.swap;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The calls that started between one swap's start and the next one's, and what they were answered with. Times
 * are nanoseconds since the load began, 0 meaning never. A consumer lane (one thread calling one consumer kind)
 * has switched once its latest good call started after its latest bad one (failed, or answered by other code).
 */
final class Epoch {

    final int index;
    final String expected;
    final long start;
    private volatile long returned = Long.MAX_VALUE;
    private final int kinds;
    private final AtomicLongArray lastBadEnd;
    private final AtomicLongArray lastGoodStart;
    final LongAdder calls = new LongAdder();
    final LongAdder[] failed;
    final LongAdder[] oldAfterReturn;

    Epoch(int index, String expected, long start, int threads, int kinds) {
        this.index = index;
        this.expected = expected;
        this.start = start;
        this.kinds = kinds;
        lastBadEnd = new AtomicLongArray(threads * kinds);
        lastGoodStart = new AtomicLongArray(threads * kinds);
        failed = adders(kinds);
        oldAfterReturn = adders(kinds);
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    /** The swap operation returned at {@code time}. */
    void returned(long time) {
        returned = time;
    }

    long returnedAt() {
        return returned;
    }

    /**
     * One call by {@code thread} through {@code kind}; {@code servedBy} is null when it failed. A call during which
     * the next swap began ({@code straddled}) may rightly be answered by either code: it is counted, and a failure
     * is a failure, but it says nothing about whether this swap's consumers switched.
     */
    void record(int thread, int kind, long callStart, long callEnd, String servedBy, boolean straddled) {
        calls.increment();
        int lane = thread * kinds + kind;
        if (servedBy == null) {
            failed[kind].increment();
            if (!straddled) {
                lastBadEnd.set(lane, callEnd);
            }
        } else if (straddled) {
            return;
        } else if (servedBy.equals(expected)) {
            lastGoodStart.set(lane, callStart);
        } else {
            lastBadEnd.set(lane, callEnd);
            if (callStart > returned) {
                oldAfterReturn[kind].increment();
            }
        }
    }

    boolean switched(int thread, int kind) {
        int lane = thread * kinds + kind;
        long good = lastGoodStart.get(lane);
        return good != 0 && good > lastBadEnd.get(lane);
    }

    /** Switched, and with a good call that started after the swap returned: nothing more to wait for. */
    boolean settled(int thread, int kind) {
        int lane = thread * kinds + kind;
        return switched(thread, kind) && lastGoodStart.get(lane) > returned;
    }

    /** From the swap's start to the end of the lane's last bad call (0 when it had none). */
    long switchTime(int thread, int kind) {
        long bad = lastBadEnd.get(thread * kinds + kind);
        return bad == 0 ? 0 : bad - start;
    }
}
