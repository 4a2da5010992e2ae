package io.patchbay.bench.canary;

import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.bench.calls.Counter;
import io.patchbay.bench.calls.FieldCounter;
import io.patchbay.bench.calls.Stubs;
import io.patchbay.core.canary.Buckets;
import io.patchbay.core.canary.Canaries;
import io.patchbay.core.canary.CanarySpecs;
import io.patchbay.core.canary.RoutingKeys;
import io.patchbay.core.facade.Facades;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import io.patchbay.core.tracking.Switcher;
import io.patchbay.core.store.FileJournal;
import io.patchbay.core.store.IntentFile;
import io.patchbay.core.store.Ledger;
import io.patchbay.core.store.RouteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A slot of {@link Counter} outside OSGi, as the call-overhead benchmark builds one (stub framework objects), with
 * a baseline ({@link FieldCounter}) and a candidate ({@link CandidateCounter}, another class, as a patch's would
 * be), and the manager's own {@link Canaries} to run a canary on it: the real split, the real arms observing both
 * implementations, the real judge looking every 250 ms on the route owner, a real ledger and intent file in a temporary
 * folder. The facade is the class the core generates, made by {@code Facades.factory}.
 */
final class CanarySlot implements AutoCloseable {

    /** The key sources a canary reads, as the manager's default configuration names them. */
    static final List<String> KEY_NAMES = List.of("patchbay.key", "tenant.id", "user.id");

    final Slot slot = new Slot(Counter.class, "1.0.0", () -> 5_000L);
    final Implementation baseline = new Implementation(slot,
            Stubs.reference(Stubs.bundle("bench.baseline", "1.0.0")), new FieldCounter());
    final Implementation candidate = new Implementation(slot,
            Stubs.reference(Stubs.bundle("bench.candidate", "1.0.1")), new CandidateCounter());
    private final RouteOwner owner = new RouteOwner();
    private final Path folder;
    private final Canaries canaries;
    private CanarySpecDTO spec;

    CanarySlot() throws IOException {
        slot.add(baseline);
        slot.add(candidate);
        slot.route(baseline, false, System.currentTimeMillis());
        folder = Files.createTempDirectory("patchbay-bench-canary");
        Switcher switcher = new Switcher(new FileJournal(new IntentFile(folder.resolve("operations.properties")),
                new RouteStore(folder.resolve("routes.properties")), new Ledger(folder.resolve("ledger.jsonl"))),
                () -> 1_000L, entry -> { });
        canaries = new Canaries(switcher, new ReentrantLock(), () -> RoutingKeys.of(KEY_NAMES), owner);
    }

    /** The consumer's facade. */
    Counter facade() {
        return (Counter) Facades.factory(slot, false).getService(Stubs.bundle("bench.consumer", "1.0.0"), null);
    }

    /**
     * Starts a canary that splits {@code split} ({@code calls} or {@code keys}) with {@code percent} to the
     * candidate, and stays in that step: its steps are held for 30 days, and a slow share of 0.99 keeps the judge
     * (which still looks every 250 ms) from reverting two trivial methods over a nanosecond.
     */
    CanarySlot canary(String split, double percent) {
        CanarySpecDTO given = new CanarySpecDTO();
        given.split = split;
        given.steps = new double[] { percent };
        given.minStepMillis = TimeUnit.DAYS.toMillis(30);
        given.maxStepMillis = TimeUnit.DAYS.toMillis(30);
        given.autoPromote = false;
        given.slowShare = 0.99;
        spec = CanarySpecs.complete(given, candidate.id());
        canaries.start(slot, candidate, spec, "call-cost benchmark", "bench", null, null, null);
        return this;
    }

    /** Stops timing calls (the arms no longer observe them): the split alone. */
    CanarySlot untimed() {
        baseline.observe(null);
        candidate.observe(null);
        return this;
    }

    /** The split the canary routes with. */
    Split split() {
        return slot.split();
    }

    /** The share of {@code keys} in the canary's share: the candidate's share of calls that go round them all. */
    double keyShare(String[] keys, double percent) {
        int threshold = Buckets.threshold(percent);
        return Stream.of(keys).filter(key -> Buckets.of(spec.salt, key) < threshold).count() / (double) keys.length;
    }

    /**
     * Fails the benchmark unless the canary is still running, sent every call with a key, and sent the candidate
     * {@code share} of the calls (within {@code tolerance}).
     */
    void check(double share, double tolerance) {
        List<CanaryDTO> running = canaries.all();
        if (running.size() != 1) {
            throw new IllegalStateException("The canary ended during the benchmark: " + running);
        }
        long toCandidate = candidate.calls();
        long all = toCandidate + baseline.calls();
        double measured = (double) toCandidate / all;
        if (all == 0 || Math.abs(measured - share) > tolerance || running.get(0).noKeyCalls != 0) {
            throw new IllegalStateException(String.format("The split sent %d of %d calls to the candidate (%.4f,"
                    + " expected %.4f), %d without a key", toCandidate, all, measured, share,
                    running.get(0).noKeyCalls));
        }
    }

    @Override
    public void close() throws IOException {
        canaries.close();
        owner.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
