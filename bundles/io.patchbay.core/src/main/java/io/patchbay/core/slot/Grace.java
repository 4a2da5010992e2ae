package io.patchbay.core.slot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The drain of calls that took an implementation's lane, which counts only in per-thread plain cells: a grace
 * period decided at a safepoint, from each thread's cells and the top of its stack, as Linux livepatch decides
 * when a task may switch.
 * <p>
 * When this runs, no facade holds the implementation's lane any more ({@link Slot} took the lanes back under the
 * same lock hold as the route's write, before this drain began), so a call can reach the lane only if its thread
 * read the lane before that. One safepoint stops every thread and reads the top {@value #DEPTH} frames of its
 * stack; it also makes every write a thread made before it visible. Such a thread is then in one of these states:
 * <ul>
 * <li>inside a call of the lane: its cell in the implementation's {@link CallCells} has entered more calls than
 * it left;</li>
 * <li>inside a canary's split lane, which holds both arms' lanes in final fields and may call either: its cell in
 * the slot's split cells has entered more than it left;</li>
 * <li>entering either, before its cell counted it: a lane or split lane frame is among its top frames (only the
 * lookup of its cell runs there, a few frames deep; the lane's constructor resolved the classes it uses);</li>
 * <li>still in the facade between reading the lane and calling it: a facade frame of the slot is its top frame
 * (nothing runs between the two).</li>
 * </ul>
 * A thread in none of these states has finished any call it had in the lane, and reads the facade's field again
 * after the safepoint, so it sees the lane gone. The others are looked at again (a safepoint that walks only
 * them) until they are in none. Only the top frames are walked, so the pause does not grow with stack depth.
 * Calls on the counted path are drained by their counts, not here.
 */
final class Grace {

    /** Frames read from the top of each stack: well beyond a lane's cell lookup. */
    static final int DEPTH = 24;
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Grace() {
    }

    /**
     * @param cells the implementation's per-thread counts
     * @return whether no thread was left in the lanes of loader {@code laneLoader} before {@code end} (nanoTime)
     */
    static boolean await(Lanes lanes, String laneLoader, CallCells cells, long end) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Set<Long> pending = pending(lanes, laneLoader, cells, threads.dumpAllThreads(false, false, DEPTH));
        long pause = FIRST_PAUSE_NANOS;
        while (!pending.isEmpty()) {
            if (System.nanoTime() - end >= 0) {
                return false;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            long[] ids = pending.stream().mapToLong(Long::longValue).toArray();
            pending = pending(lanes, laneLoader, cells, threads.getThreadInfo(ids, DEPTH));
        }
        return true;
    }

    /** The threads of {@code stopped} (just taken at a safepoint; null for ended threads) still to wait for. */
    private static Set<Long> pending(Lanes lanes, String laneLoader, CallCells cells, ThreadInfo[] stopped) {
        Set<Long> inside = new HashSet<>();
        cells.addInside(inside); // after the safepoint: every count the threads made before it is visible
        lanes.splitCells().addInside(inside);
        Set<Long> pending = new HashSet<>();
        for (ThreadInfo thread : stopped) {
            if (thread != null && (inside.contains(thread.getThreadId())
                    || entering(lanes, laneLoader, thread.getStackTrace()))) {
                pending.add(thread.getThreadId());
            }
        }
        return pending;
    }

    /** Whether a thread whose top frames are {@code top} may be about to call, or start a call in, the lane. */
    static boolean entering(Lanes lanes, String laneLoader, StackTraceElement[] top) {
        if (top.length > 0 && lanes.facadeFrame(top[0])) {
            return true; // between reading the facade's lane and calling it, or on the counted path: look again
        }
        for (StackTraceElement frame : top) {
            if (laneLoader.equals(frame.getClassLoaderName()) || lanes.splitFrame(frame)) {
                return true;
            }
        }
        return false;
    }
}
