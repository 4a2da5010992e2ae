package io.patchbay.bench.canary;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.bench.calls.Counter;
import io.patchbay.bench.calls.FieldCounter;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Split;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a call costs during a canary (issue 12), against a direct call and against today's facade with no canary,
 * on the trivial method of {@link io.patchbay.bench.calls.CallOverhead} ({@link Counter#next()} returns a field).
 * {@code calls_*}: one call per operation; {@code keys_*}: calls that each carry a routing key from
 * {@code Routing.withKey} ({@link KeyedCalls}), so that the key split has a key to hash. The split rows run a real
 * canary on a real slot ({@link CanarySlot}); {@code decision_*} call the split's own routing decision
 * ({@code Split.toCandidate}, protected) through a constant method handle, which the JIT inlines like a direct call;
 * {@code calls_timing} does by hand what timing a call costs an arm.
 * Each benchmark and parameter runs in its own forks, so no call site sees more types than its path has.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CanaryCallCost {

    private static final MethodHandle TO_CANDIDATE;

    static {
        try {
            TO_CANDIDATE = MethodHandles.privateLookupIn(Split.class, MethodHandles.lookup()).findVirtual(Split.class,
                    "toCandidate", MethodType.methodType(boolean.class, Seat.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A slot with no canary: today's call path. */
    @State(Scope.Benchmark)
    public static class NoCanary {
        CanarySlot slot;
        Counter direct;
        Counter facade;
        KeyedCalls keyed = new KeyedCalls();
        IntSupplier directWork;
        IntSupplier facadeWork;

        @Setup
        public void setUp() throws IOException {
            slot = new CanarySlot();
            direct = new FieldCounter();
            facade = slot.facade();
            directWork = direct::next;
            facadeWork = facade::next;
        }

        @TearDown
        public void tearDown() throws IOException {
            slot.close();
        }
    }

    /** A canary of a random share of calls. */
    @State(Scope.Benchmark)
    public static class CallSplit {
        @Param({ "1", "50" })
        double percent;
        CanarySlot slot;
        Counter facade;

        @Setup
        public void setUp() throws IOException {
            slot = new CanarySlot().canary(CanarySpecDTO.CALLS, percent);
            facade = slot.facade();
        }

        @TearDown
        public void tearDown() throws IOException {
            slot.check(percent / 100, percent / 200);
            slot.close();
        }
    }

    /** The same at 50 %, with the arms no longer timing calls: what the split alone adds. */
    @State(Scope.Benchmark)
    public static class UntimedCallSplit {
        CanarySlot slot;
        Counter facade;

        @Setup
        public void setUp() throws IOException {
            slot = new CanarySlot().canary(CanarySpecDTO.CALLS, 50).untimed();
            facade = slot.facade();
        }

        @TearDown
        public void tearDown() throws IOException {
            slot.check(0.5, 0.25);
            slot.close();
        }
    }

    /** A canary of a sticky share of keys; every key's bucket is cached before measuring. */
    @State(Scope.Benchmark)
    public static class KeySplit {
        @Param({ "1", "50" })
        double percent;
        CanarySlot slot;
        KeyedCalls keyed = new KeyedCalls();
        IntSupplier facadeWork;

        @Setup
        public void setUp() throws IOException {
            slot = new CanarySlot().canary(CanarySpecDTO.KEYS, percent);
            Counter facade = slot.facade();
            facadeWork = facade::next;
            keyed.run(facadeWork); // every key's bucket is in the split's cache now
        }

        @TearDown
        public void tearDown() throws IOException {
            slot.check(slot.keyShare(keyed.keys, percent), 1e-9);
            slot.close();
        }
    }

    /** What an arm does to time one call, by hand: the recorder as the core's {@code Arm} makes it. */
    @State(Scope.Benchmark)
    public static class Timing {
        final Recorder recorder = new Recorder(1, SimArm.LONGEST, 2);
    }

    /** The two splits' decisions alone, at 50 %: a share of calls, and a share of keys with its cache warm. */
    @State(Scope.Benchmark)
    public static class Decisions {
        CanarySlot calls;
        CanarySlot keys;
        Split callSplit;
        Split keySplit;
        KeyedCalls keyed = new KeyedCalls();
        IntSupplier keyDecision;

        @Setup
        public void setUp() throws IOException {
            calls = new CanarySlot().canary(CanarySpecDTO.CALLS, 50);
            keys = new CanarySlot().canary(CanarySpecDTO.KEYS, 50);
            callSplit = calls.split();
            keySplit = keys.split();
            keyDecision = () -> toCandidate(keySplit) ? 1 : 0;
            keyed.run(keyDecision);
        }

        @TearDown
        public void tearDown() throws IOException {
            calls.close();
            keys.close();
        }
    }

    @Benchmark
    public int calls_direct(NoCanary state) {
        return state.direct.next();
    }

    @Benchmark
    public int calls_facade(NoCanary state) {
        return state.facade.next();
    }

    @Benchmark
    public int calls_facadeSplit(CallSplit state) {
        return state.facade.next();
    }

    @Benchmark
    public int calls_facadeSplitUntimed(UntimedCallSplit state) {
        return state.facade.next();
    }

    @Benchmark
    public boolean calls_decision(Decisions state) {
        return toCandidate(state.callSplit);
    }

    /** {@code Implementation.clock()}, {@code exit(start)} and {@code Arm.timed(nanos)} without the rest. */
    @Benchmark
    public long calls_timing(Timing state) {
        long start = System.nanoTime();
        long nanos = System.nanoTime() - start;
        state.recorder.recordValue(Math.max(1, Math.min(nanos, SimArm.LONGEST)));
        return nanos;
    }

    @Benchmark
    @OperationsPerInvocation(KeyedCalls.KEYS)
    public int keys_direct(NoCanary state) {
        return state.keyed.run(state.directWork);
    }

    @Benchmark
    @OperationsPerInvocation(KeyedCalls.KEYS)
    public int keys_facade(NoCanary state) {
        return state.keyed.run(state.facadeWork);
    }

    @Benchmark
    @OperationsPerInvocation(KeyedCalls.KEYS)
    public int keys_facadeSplit(KeySplit state) {
        return state.keyed.run(state.facadeWork);
    }

    @Benchmark
    @OperationsPerInvocation(KeyedCalls.KEYS)
    public int keys_decision(Decisions state) {
        return state.keyed.run(state.keyDecision);
    }

    /** The split's own decision for a call from no consumer in particular. */
    static boolean toCandidate(Split split) {
        try {
            return (boolean) TO_CANDIDATE.invokeExact(split, (Seat) null);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
