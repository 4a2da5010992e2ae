package io.patchbay.core.facade;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/**
 * The drain stays exact now that a facade's calls take a lane that counts nothing another thread could wait on:
 * after a drain reports an implementation done, no call runs in it, whichever path the call took.
 */
public class LaneDrainTest {

    private static final int SWITCHES = 10_000;
    private static final int CALLERS = 16;

    /** Public: facades are generated for public interfaces only. */
    public interface Work {
        int run(int input);
    }

    /**
     * Records every call that runs in it while it is marked drained, at the call's start or its end. It works
     * {@link #DEEP} frames below its lane, deeper than a drain reads stacks, so only the thread's call cells tell
     * that it is inside.
     */
    static final class Recording implements Work {
        static final int DEEP = 60; // Grace reads the top 24 frames
        volatile boolean drained;
        final AtomicLong late = new AtomicLong();

        @Override
        public int run(int input) {
            return deep(DEEP, input);
        }

        private int deep(int frames, int input) {
            if (frames > 0) {
                return deep(frames - 1, input) + 1;
            }
            if (drained) {
                late.incrementAndGet();
            }
            int result = input;
            for (int i = 0; i < 500; i++) { // a little work, so that calls overlap switches and drains
                result = Integer.rotateLeft(result, 3) ^ i;
            }
            Thread.yield(); // the thread is often stopped here, deep in the call, before its last look
            if (drained) {
                late.incrementAndGet();
            }
            return result;
        }
    }

    private final Slot slot = new Slot(Work.class, "1.0.0", () -> 5_000);

    @Test
    public void noCallRunsInAnImplementationAfterItsDrainOver10000SwitchesUnder16Threads() throws Exception {
        Recording[] recordings = {new Recording(), new Recording()};
        Implementation[] implementations = {Stubs.implementation(slot, "impl", "1.0.0", recordings[0]),
            Stubs.implementation(slot, "impl", "1.0.1", recordings[1])};
        recordings[1].drained = true;
        slot.route(implementations[0], false, 0);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> callers = startCallers(running, facades(slot, 4));

        long drainsThatTimedOut = 0;
        long[] laneCallsBefore = new long[2];
        for (int i = 1; i <= SWITCHES; i++) {
            int to = i % 2;
            int from = 1 - to;
            awaitLaneCalls(implementations[from], laneCallsBefore[from] + CALLERS); // calls are in its lanes now
            recordings[to].drained = false;
            laneCallsBefore[to] = implementations[to].cells().calls();
            slot.route(implementations[to], false, i);
            drainsThatTimedOut += drainAndMark(implementations[from], recordings[from]);
        }
        stop(running, callers);
        assertEquals(0, drainsThatTimedOut);
        assertEquals("calls that ran in an implementation after its drain", 0,
                recordings[0].late.get() + recordings[1].late.get());
        assertTrue("the callers took lanes", implementations[0].cells().calls() > 0);
    }

    @Test
    public void aCallRunningInTheLaneHoldsTheDrainUntilItReturns() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Work blocking = input -> {
            if (input == 1) {
                inside.countDown();
                await(release);
            }
            return input;
        };
        Implementation old = Stubs.implementation(slot, "impl", "1.0.0", blocking);
        Implementation next = Stubs.implementation(slot, "impl", "1.0.1", (Work) input -> input);
        slot.route(old, false, 0);
        Work facade = facade(1);
        facade.run(0); // the counted call that hands the facade its lane
        Thread caller = new Thread(() -> facade.run(1));
        caller.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertEquals("the call took the lane: nothing counted", 0, old.inFlight() - old.cells().inFlight());

        slot.route(next, true, 1);
        assertFalse("a call is still running in the lane", old.awaitDrained(50, TimeUnit.MILLISECONDS));
        release.countDown();
        assertTrue(old.awaitDrained(10, TimeUnit.SECONDS));
        caller.join(10_000);
        assertEquals(2, old.calls());
        assertEquals("the next call took the new route", 5, facade.run(5));
        assertEquals(1, next.calls());
    }

    /** Drains {@code implementation} and marks its recording drained: 1 if the drain timed out, else 0. */
    static int drainAndMark(Implementation implementation, Recording recording) throws InterruptedException {
        if (implementation.awaitDrained(10, TimeUnit.SECONDS)) {
            recording.drained = true;
            return 0;
        }
        return 1;
    }

    static void stop(AtomicBoolean running, List<Thread> callers) throws InterruptedException {
        running.set(false);
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Until calls have gone through the implementation's lanes since it was routed: no switch before that. */
    static void awaitLaneCalls(Implementation implementation, long calls) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (implementation.cells().calls() < calls && System.nanoTime() < end) {
            Thread.yield();
        }
    }

    /** The facades of {@code consumers} consumer bundles. */
    static List<Work> facades(Slot slot, int consumers) {
        List<Work> facades = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            facades.add(facade(slot, 10 + i));
        }
        return facades;
    }

    /** 16 threads calling the facades in turn until {@code running} is false. */
    static List<Thread> startCallers(AtomicBoolean running, List<Work> facades) {
        int consumers = facades.size();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Work facade = facades.get(i % consumers);
            Thread caller = new Thread(() -> {
                int value = 1;
                while (running.get()) {
                    for (int call = 0; call < 100; call++) {
                        value = facade.run(value) | 1;
                    }
                    Thread.yield(); // 16 callers on a machine of 2 cores: let the switching thread run too
                }
            }, "caller-" + i);
            caller.setDaemon(true);
            caller.start();
            callers.add(caller);
        }
        return callers;
    }

    private Work facade(long consumer) {
        return facade(slot, consumer);
    }

    private static Work facade(Slot slot, long consumer) {
        return (Work) Facades.factory(slot, false).getService(Stubs.bundle(consumer, "consumer" + consumer, "1.0.0"),
                null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
