package io.patchbay.bench.calls;

import io.patchbay.core.facade.Facades;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a switch costs once facades took lanes: the route moves to the other implementation, the old one drains
 * (its lane calls by the grace period of thread stacks, {@code Grace}), and the facade's next call takes the new
 * lane, so every switch walks the stacks again. {@code parked} other threads wait 40 frames deep, as a server's
 * idle workers do: the snapshot stops and walks them all.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DrainCost {

    private static final int DEPTH = 40;

    @Param({ "0", "50", "200" })
    int parked;

    private final Slot slot = new Slot(Counter.class, "1.0.0", () -> 5_000L);
    private final Implementation[] implementations = {
        new Implementation(slot, Stubs.reference(Stubs.bundle("bench.one", "1.0.0")), new FieldCounter()),
        new Implementation(slot, Stubs.reference(Stubs.bundle("bench.two", "1.0.1")), new FieldCounter())};
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private Counter facade;
    private int active;
    private long switches;

    @Setup
    public void setUp() throws InterruptedException {
        slot.add(implementations[0]);
        slot.add(implementations[1]);
        slot.route(implementations[0], false, 0);
        facade = (Counter) Facades.factory(slot, false).getService(Stubs.bundle("bench.consumer", "1.0.0"), null);
        facade.next(); // counted; hands the facade its lane
        CountDownLatch waiting = new CountDownLatch(parked);
        for (int i = 0; i < parked; i++) {
            Thread thread = new Thread(() -> deep(DEPTH, waiting), "parked-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        waiting.await();
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        release.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    @Benchmark
    public int switchAndDrain() throws InterruptedException {
        int from = active;
        active = 1 - active;
        slot.route(implementations[active], false, ++switches);
        if (!implementations[from].awaitDrained(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not drained");
        }
        return facade.next() + facade.next(); // the first is counted, the second takes the new lane
    }

    private void deep(int frames, CountDownLatch waiting) {
        if (frames > 0) {
            deep(frames - 1, waiting);
            return;
        }
        waiting.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
