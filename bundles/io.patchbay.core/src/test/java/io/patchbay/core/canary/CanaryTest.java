package io.patchbay.core.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import io.patchbay.core.slot.Stubs;
import java.util.function.Supplier;
import org.junit.Test;

/** What a canary does on its slot: the machine's steps become the slot's split, the arms' calls its evidence. */
public class CanaryTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation baseline = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
    private final Implementation candidate = Stubs.implementation(slot, "impl", "1.0.1",
            (Supplier<String>) () -> "b");
    private final CanarySpecDTO spec = spec();
    private final Canary canary = new Canary(slot, baseline, candidate, spec, () -> null, 1_000, "sha", "signer");

    private static CanarySpecDTO spec() {
        CanarySpecDTO given = new CanarySpecDTO();
        given.warmupCalls = 0L;
        given.minStepMillis = 0L;
        given.minCalls = 1L;
        return CanarySpecs.complete(given, "impl/1.0.1");
    }

    private static void calls(Implementation implementation, int calls, int errors) {
        for (int i = 0; i < calls; i++) {
            long start = implementation.clock();
            if (i < errors) {
                implementation.fail(new IllegalStateException("no"), start);
            } else {
                implementation.exit(start);
            }
        }
    }

    @Test
    public void beginRoutesTheFirstStepAndEndClearsTheSplit() {
        assertNull(slot.split());
        canary.begin();
        Split split = slot.split();
        assertSame(baseline, split.baseline());
        assertSame(candidate, split.candidate());
        assertTrue(split instanceof Splits.CallShare);
        canary.end(CanaryDTO.REVERTED);
        assertNull(slot.split());
        assertEquals(CanaryDTO.REVERTED, canary.dto().state);
    }

    @Test
    public void aLookHandsTheMachineWhatBothArmsDidSinceTheLastOne() {
        canary.begin();
        calls(candidate, 30, 0);
        calls(baseline, 4000, 0);
        CanaryMachine.Decision first = canary.look(2_000);
        assertEquals(CanaryMachine.Action.STEP, first.action());
        assertEquals(30, first.decided().candidate().calls());
        assertEquals(30, first.decided().candidate().timed());
        long timed = first.decided().baseline().timed();
        assertTrue("about 5 % of the baseline's calls timed: " + timed, timed >= 100 && timed < 1000);
        canary.route();
        assertEquals(5, canary.dto().share, 0);
        calls(candidate, 5, 0);
        CanaryMachine.Decision second = canary.look(3_000);
        assertEquals("only what is new", 5, second.decided().candidate().calls());
    }

    @Test
    public void theWarmUpCountsCallsNotTimedCalls() {
        CanarySpecDTO given = new CanarySpecDTO();
        given.steps = new double[] { 50 }; // a candidate on half the calls has a tenth of its calls timed
        given.warmupCalls = 100L;
        given.minStepMillis = 0L;
        Canary sampled = new Canary(slot, baseline, candidate, CanarySpecs.complete(given, "impl/1.0.1"), () -> null,
                1_000, "sha", "signer");
        sampled.begin();
        calls(candidate, 100, 0);
        assertEquals("the warm-up's calls are not timed", 0, sampled.look(2_000).decided().candidate().timed());
        calls(candidate, 1_000, 0);
        long timed = sampled.look(3_000).decided().candidate().timed();
        assertTrue("about a tenth of the 1,000 calls after the warm-up timed: " + timed, timed >= 60 && timed <= 150);
    }

    @Test
    public void aNewExceptionOfTheCandidateReachesTheGuard() {
        canary.begin();
        calls(baseline, 100, 0);
        calls(candidate, 3, 3);
        CanaryMachine.Decision failed = canary.look(2_000);
        assertEquals(CanaryMachine.Action.REVERT, failed.action());
        assertEquals("hard guard: the candidate threw java.lang.IllegalStateException 3 times; the baseline never"
                + " threw it", failed.verdict().reason());
    }

    @Test
    public void theDtoAndTheLedgerSentenceShowBothArmsAndTheVerdict() {
        canary.begin();
        calls(candidate, 10, 1);
        calls(baseline, 100, 0);
        canary.look(2_000);
        CanaryDTO dto = canary.dto();
        assertEquals(slot.id(), dto.slot);
        assertEquals("impl/1.0.0", dto.baseline);
        assertEquals("impl/1.0.1", dto.candidate);
        assertEquals(1, dto.step);
        assertEquals(4, dto.stepCount);
        assertEquals(1_000, dto.started);
        assertEquals(10, dto.candidateArm.calls);
        assertEquals(1, dto.candidateArm.errors);
        assertEquals(0.1, dto.candidateArm.errorRate, 1e-12);
        assertEquals(1, dto.candidateArm.share, 0);
        assertEquals(99, dto.baselineArm.share, 0);
        assertEquals("wait", dto.verdict);
        assertTrue(dto.reason, dto.reason.startsWith("holding: the baseline has"));
        assertEquals(dto.errorScore, canary.machine().view().errorScore(), 0);
        assertEquals(Math.log(0.95 / 0.01), dto.rejectBound, 1e-12);
        String statistics = canary.statistics();
        assertTrue(statistics, statistics.startsWith("step 1 of 4 (1 %); candidate impl/1.0.1: 10 calls, 1 errors"
                + " (10.00 %), p50 "));
        assertTrue(statistics, statistics.contains("; baseline impl/1.0.0: 100 calls, 0 errors (0.00 %), "));
        assertTrue(statistics, statistics.contains("; error test "));
    }

    @Test
    public void aChosenBundlesCanaryShowsTheShareItTurnedOutToHave() {
        CanarySpecDTO given = new CanarySpecDTO();
        given.split = CanarySpecDTO.BUNDLES;
        given.bundles = new String[] { "consumer" };
        Canary bundles = new Canary(slot, baseline, candidate, CanarySpecs.complete(given, "impl/1.0.1"), () -> null,
                0, null, null);
        bundles.begin();
        calls(candidate, 25, 0);
        calls(baseline, 75, 0);
        bundles.look(1_000);
        CanaryDTO dto = bundles.dto();
        assertEquals(25, dto.candidateArm.share, 1e-9);
        assertEquals(75, dto.baselineArm.share, 1e-9);
        assertEquals(100, dto.share, 0);
        assertTrue(bundles.statistics(), bundles.statistics().startsWith("step 1 of 1 (100 %)"));
    }
}
