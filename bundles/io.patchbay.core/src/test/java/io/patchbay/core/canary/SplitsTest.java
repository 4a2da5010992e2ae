package io.patchbay.core.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import io.patchbay.core.slot.Stubs;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.junit.Before;
import org.junit.Test;

/** Which calls each of the four splits sends to the candidate, and the key-less calls a key split counts. */
public class SplitsTest {

    private static final String SALT = "impl/1.0.1";

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation baseline = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
    private final Implementation candidate = Stubs.implementation(slot, "impl", "1.0.1",
            (Supplier<String>) () -> "b");
    private final LongAdder noKey = new LongAdder();
    private String key;

    private Split split(String kind, double percent, String... chosen) {
        CanarySpecDTO given = new CanarySpecDTO();
        given.split = kind;
        given.keys = chosen;
        given.bundles = chosen;
        given.salt = SALT;
        CanarySpecDTO spec = CanarySpecs.complete(given, SALT);
        Split split = Splits.of(spec, baseline, candidate, percent, new Buckets(SALT), () -> key, noKey);
        assertSame(baseline, split.baseline());
        assertSame(candidate, split.candidate());
        return split;
    }

    /** Whether a call from {@code seat} (null: from no consumer) goes to the candidate, through the slot. */
    private boolean toCandidate(Split split, Seat seat) {
        slot.split(split);
        Implementation chosen = seat == null ? slot.enter() : seat.enter();
        chosen.exit();
        return chosen == candidate;
    }

    @Before
    public void baselineActive() {
        slot.add(baseline);
        slot.add(candidate);
        slot.route(baseline, false, 1);
    }

    @Test
    public void aCallShareSendsNoCallAtNoShareAndEveryCallAtAFullOne() {
        Split none = split(CanarySpecDTO.CALLS, 0);
        Split all = split(CanarySpecDTO.CALLS, 100);
        assertTrue(none instanceof Splits.CallShare);
        for (int i = 0; i < 1_000; i++) {
            assertFalse(toCandidate(none, null));
            assertTrue(toCandidate(all, null));
        }
    }

    @Test
    public void aKeyIsInTheShareWhenItsBucketIsBelowTheThreshold() {
        key = "tenant-42";
        int bucket = Buckets.of(SALT, key);
        Split atItsBucket = split(CanarySpecDTO.KEYS, bucket / 100.0);
        Split justAbove = split(CanarySpecDTO.KEYS, (bucket + 1) / 100.0);
        assertTrue(atItsBucket instanceof Splits.KeyShare);
        assertFalse("a bucket equal to the threshold is out", toCandidate(atItsBucket, null));
        assertTrue(toCandidate(justAbove, null));
        assertEquals(0, noKey.sum());
    }

    @Test
    public void aCallWithoutAKeyStaysOnTheBaselineAndIsCounted() {
        Split share = split(CanarySpecDTO.KEYS, 100);
        Split chosen = split(CanarySpecDTO.CHOSEN_KEYS, 100, "acme");
        assertFalse(toCandidate(share, null));
        assertFalse(toCandidate(chosen, null));
        assertEquals(2, noKey.sum());
    }

    @Test
    public void chosenKeysSendTheirCallsAndNoOthers() {
        Split chosen = split(CanarySpecDTO.CHOSEN_KEYS, 100, "acme", "globex");
        assertTrue(chosen instanceof Splits.ChosenKeys);
        key = "acme";
        assertTrue(toCandidate(chosen, null));
        key = "globex";
        assertTrue(toCandidate(chosen, null));
        key = "initech";
        assertFalse(toCandidate(chosen, null));
        assertEquals(0, noKey.sum());
    }

    @Test
    public void chosenBundlesSendTheCallsOfTheirConsumersOnly() {
        Split chosen = split(CanarySpecDTO.BUNDLES, 100, "com.example.web");
        assertTrue(chosen instanceof Splits.ChosenBundles);
        assertTrue(toCandidate(chosen, new Seat(slot, Stubs.bundle(5, "com.example.web", "1.0.0"))));
        assertFalse(toCandidate(chosen, new Seat(slot, Stubs.bundle(6, "com.example.batch", "1.0.0"))));
        assertFalse("a call from no consumer", toCandidate(chosen, null));
    }
}
