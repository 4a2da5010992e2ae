package io.patchbay.core.slot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The drain of calls that took an implementation's lane, which counts nothing another thread could wait on: a
 * grace period decided from thread stacks, as Linux livepatch decides when a task may switch.
 * <p>
 * When this runs, no facade holds the implementation's lane any more ({@link Slot} took the lanes back under the
 * same lock hold as the route's write, before this drain began), so a call can reach the lane only if its thread
 * read the lane before that. Such a thread is, at every point where the JVM can stop it, in one of three states:
 * <ul>
 * <li>inside the lane: a lane frame is on its stack (the lane's class has a class loader of its own, whose name
 * the frame carries);</li>
 * <li>in a canary's split lane, which holds both arms' lanes in final fields and may call either: a split lane
 * frame is anywhere on its stack;</li>
 * <li>still in the facade between reading the lane and calling it: a facade frame of the slot is its top frame.</li>
 * </ul>
 * Taking a stack stops the thread at a safepoint or handshake; a thread seen in none of these states has finished
 * any call it had in the lane, and reads the facade's field again after that stop, so it sees the lane gone.
 * Threads seen in any of them are looked at again until they are not (so a call in the other arm of a split lane
 * is waited for too). Calls on the counted path are drained by their counts, not here.
 */
final class Grace {

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Grace() {
    }

    /** @return whether no thread was left in the lanes of loader {@code laneLoader} before {@code end} (nanoTime) */
    static boolean await(Lanes lanes, String laneLoader, long end) {
        List<Thread> pending = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (inLane(lanes, laneLoader, thread.getValue())) {
                pending.add(thread.getKey());
            }
        }
        long pause = FIRST_PAUSE_NANOS;
        while (!pending.isEmpty()) {
            if (System.nanoTime() - end >= 0) {
                return false;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            pending.removeIf(thread -> !inLane(lanes, laneLoader, thread.getStackTrace()));
        }
        return true;
    }

    /** Whether a thread with {@code stack} (top first) may be running in, or about to call, the lane. */
    static boolean inLane(Lanes lanes, String laneLoader, StackTraceElement[] stack) {
        if (stack.length > 0 && lanes.facadeFrame(stack[0])) {
            return true; // between reading the facade's lane and calling it, or on the counted path: look again
        }
        for (StackTraceElement frame : stack) {
            if (laneLoader.equals(frame.getClassLoaderName()) || lanes.splitFrame(frame)) {
                return true; // in the lane, or in a split lane that may call it: look again
            }
        }
        return false;
    }
}
