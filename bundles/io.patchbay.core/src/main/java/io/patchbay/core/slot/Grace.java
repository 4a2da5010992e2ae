package io.patchbay.core.slot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
 * lookup of its cell runs there, a few frames deep; the lane's constructor resolved the classes it uses). A share
 * lane, in the split lane loader, counts nothing while it decides and then counts the baseline's calls in the
 * baseline's cells: a thread deciding there is known by this frame too;</li>
 * <li>still in the facade between reading the lane and calling it: a facade frame of the slot is its top frame
 * (nothing runs between the two).</li>
 * </ul>
 * A thread in none of these states has finished any call it had in the lane, and reads the facade's field again
 * after the safepoint, so it sees the lane gone. The others are looked at again (a safepoint that walks only
 * them) until they are in none. Only the top frames are walked, so the pause does not grow with stack depth.
 * Calls on the counted path are drained by their counts, not here.
 * <p>
 * A thread counted inside is marked with the calls it had entered ({@link CallCells#putInside}), and from then on
 * waited for only until it has left those calls ({@link CallCells#leftSince}): a busy consumer that keeps
 * entering a canary's new split lanes (which cannot reach this lane) does not hold the drain. A call it makes from
 * within a marked one, through a lane it read before the safepoint, returns before the marked one does, so the
 * mark covers it too; the frames are read only for threads no cell has counted.
 */
final class Grace {

    /** Frames read from the top of each stack: well beyond a lane's cell lookup. */
    static final int DEPTH = 24;
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LEFT = -1; // a mark whose calls have all ended

    private final Lanes lanes;
    private final String laneLoader;
    private final CallCells own;
    private final Map<Long, Long> ownMarks = new HashMap<>();
    private final Map<Long, Long> splitMarks = new HashMap<>();

    private Grace(Lanes lanes, String laneLoader, CallCells own) {
        this.lanes = lanes;
        this.laneLoader = laneLoader;
        this.own = own;
    }

    /**
     * @param cells the implementation's per-thread counts
     * @return whether no thread was left in the lanes of loader {@code laneLoader} before {@code end} (nanoTime)
     */
    static boolean await(Lanes lanes, String laneLoader, CallCells cells, long end) {
        Grace grace = new Grace(lanes, laneLoader, cells);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Set<Long> pending = grace.pending(threads.dumpAllThreads(false, false, DEPTH));
        long pause = FIRST_PAUSE_NANOS;
        while (!pending.isEmpty()) {
            if (System.nanoTime() - end >= 0) {
                return false;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            long[] ids = pending.stream().mapToLong(Long::longValue).toArray();
            pending = grace.pending(threads.getThreadInfo(ids, DEPTH));
        }
        return true;
    }

    /** The threads of {@code stopped} (just taken at a safepoint; null for ended threads) still to wait for. */
    private Set<Long> pending(ThreadInfo[] stopped) {
        Map<Long, Long> ownInside = new HashMap<>();
        Map<Long, Long> splitInside = new HashMap<>();
        own.putInside(ownInside); // after the safepoint: every count the threads made before it is visible
        lanes.splitCells().putInside(splitInside);
        Set<Long> pending = new HashSet<>();
        for (ThreadInfo thread : stopped) {
            if (thread == null) {
                continue;
            }
            long id = thread.getThreadId();
            boolean inside = waiting(id, own, ownMarks, ownInside) | waiting(id, lanes.splitCells(), splitMarks,
                    splitInside);
            boolean counted = ownMarks.containsKey(id) || splitMarks.containsKey(id);
            if (inside || !counted && entering(lanes, laneLoader, thread.getStackTrace())) {
                pending.add(id);
            }
        }
        return pending;
    }

    /** Whether thread {@code id} has not yet left the calls it was first counted inside in {@code cells}. */
    private static boolean waiting(long id, CallCells cells, Map<Long, Long> marks, Map<Long, Long> inside) {
        Long mark = marks.get(id);
        if (mark == null) {
            mark = inside.get(id);
            if (mark == null) {
                return false;
            }
            marks.put(id, mark);
            return true;
        }
        if (mark != LEFT && cells.leftSince(id, mark)) {
            marks.put(id, LEFT);
        }
        return marks.get(id) != LEFT;
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
