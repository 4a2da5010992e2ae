package io.patchbay.core.slot;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The calls of an implementation made through its lanes, counted per thread: each thread increments plain fields
 * of a cell only it writes, so the call path has no locked instruction and no write another thread makes. A
 * reader sums the cells, and may see a thread's last few calls late. The drain reads which threads are inside a
 * call only after a safepoint that stopped them, which makes their earlier writes visible (see {@link Grace}).
 * <p>
 * A thread finds its cell at the index of its id (ids are never reused); the table only grows, and a cell whose
 * thread has ended is folded into the retired sums when another thread needs its index.
 */
public final class CallCells {

    private static final int LARGEST = 1 << 12;

    /** One thread's counts. Only the owner writes them. */
    public static final class Cell {
        final long owner;
        private final WeakReference<Thread> thread;
        long entered;
        long left;
        long outermost; // the entered count when the thread's latest outermost call here started
        // What LaneClock and Gaps keep: places are entered counts, so the calls between two draws write nothing
        Object sampler; // the observer's sampling that timedAt was drawn for
        long timedAt; // the place of this thread's next call here to time
        Object sharing; // the split's draws that candidateAt was drawn for (Split.draws: no implementation)
        long candidateAt; // the place of this thread's next call through a share lane to go to the candidate
        long drawAt; // the lesser of the two: a share lane's call before it draws nothing

        Cell(Thread thread) {
            this.owner = thread.getId();
            this.thread = new WeakReference<>(thread);
        }

        /** A call starts: an outermost one if the thread has no other call running here. */
        public void enter() {
            long before = entered;
            if (before == left) {
                outermost = before;
            }
            entered = before + 1;
        }

        /** A call ends, normally or not. */
        public void leave() {
            left++;
        }

        boolean ownerEnded() {
            Thread owner = thread.get();
            return owner == null || !owner.isAlive(); // isAlive false: the thread's writes are visible here
        }
    }

    private volatile Cell[] table = new Cell[16];
    private final Map<Long, Cell> overflow = new HashMap<>(); // guarded by this
    private long retiredEntered; // guarded by this
    private long retiredLeft; // guarded by this

    /** The calling thread's cell: on the call path, a few plain loads. */
    public Cell mine() {
        Thread thread = Thread.currentThread();
        long id = thread.getId();
        Cell[] cells = table;
        Cell cell = cells[(int) id & (cells.length - 1)];
        return cell != null && cell.owner == id ? cell : claim(thread, id);
    }

    private synchronized Cell claim(Thread thread, long id) {
        Cell kept = overflow.get(id);
        if (kept != null) {
            return kept;
        }
        for (;;) {
            Cell[] cells = table;
            int index = (int) id & (cells.length - 1);
            Cell cell = cells[index];
            if (cell != null && cell.owner == id) {
                return cell;
            }
            if (cell == null || cell.ownerEnded()) {
                if (cell != null) {
                    retire(cell);
                }
                cells[index] = new Cell(thread);
                return cells[index];
            }
            if (cells.length >= LARGEST) { // threads whose index is taken for good: found under the lock
                return overflow.computeIfAbsent(id, key -> new Cell(thread));
            }
            table = grown(cells);
        }
    }

    private Cell[] grown(Cell[] cells) {
        Cell[] larger = new Cell[cells.length * 2];
        for (Cell cell : cells) {
            if (cell == null) {
                continue;
            }
            int index = (int) cell.owner & (larger.length - 1);
            if (larger[index] == null) {
                larger[index] = cell;
            } else {
                overflow.put(cell.owner, cell); // two old cells meet again: keep one where the owner finds it
            }
        }
        return larger;
    }

    private void retire(Cell cell) {
        retiredEntered += cell.entered;
        retiredLeft += cell.left;
    }

    /** Calls that ended (normally or by throwing), summed over the threads. */
    public synchronized long calls() {
        long[] sum = {retiredLeft};
        each(cell -> sum[0] += cell.left);
        return sum[0];
    }

    /**
     * Puts in {@code into}, for every thread with a call running here (entered and not yet left), how many calls
     * it has entered: a mark that {@link #leftSince} compares with later. Only the thread's writes that are
     * visible count: all of them that came before the last safepoint or handshake with that thread.
     */
    public synchronized void putInside(Map<Long, Long> into) {
        each(cell -> {
            if (cell.entered != cell.left) {
                into.put(cell.owner, cell.entered);
            }
        });
    }

    /**
     * Whether thread {@code id} has left every call it had running here when it had entered {@code mark} calls:
     * it has no call running now, or it started an outermost call since (which it can only do once every call
     * below has returned, however calls nest). A thread whose cell is gone has ended.
     */
    public synchronized boolean leftSince(long id, long mark) {
        Cell[] cells = table;
        Cell cell = cells[(int) id & (cells.length - 1)];
        if (cell == null || cell.owner != id) {
            cell = overflow.get(id);
        }
        return cell == null || cell.entered == cell.left || cell.outermost >= mark;
    }

    /** Calls running now, as far as the sums show: for statistics, never for the drain. */
    public synchronized long inFlight() {
        long[] sum = {retiredEntered - retiredLeft};
        each(cell -> sum[0] += cell.entered - cell.left);
        return Math.max(0, sum[0]);
    }

    private void each(Consumer<Cell> action) { // a cell is in the table or in the overflow, never both
        for (Cell cell : table) {
            if (cell != null) {
                action.accept(cell);
            }
        }
        overflow.values().forEach(action);
    }
}
