package io.patchbay.core.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import java.util.function.Supplier;
import org.junit.Test;

/** A canary's live counts per step, the sampling each step sets, and what stays of it once it ended. */
public class CanaryWindowsTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation baseline = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
    private final Implementation candidate = Stubs.implementation(slot, "impl", "1.0.1",
            (Supplier<String>) () -> "b");

    private Canary canary(double... steps) {
        CanarySpecDTO given = new CanarySpecDTO();
        given.warmupCalls = 0L;
        given.minStepMillis = 0L;
        given.minCalls = 1L;
        given.steps = steps;
        return new Canary(slot, baseline, candidate, CanarySpecs.complete(given, "impl/1.0.1"), () -> null, 1_000,
                "sha", null);
    }

    private static void calls(Implementation implementation, int calls, int errors) {
        for (int i = 0; i < calls; i++) {
            if (i < errors) {
                implementation.fail(new IllegalStateException("no"), implementation.clock());
            } else {
                implementation.exit(implementation.clock());
            }
        }
    }

    /** Begins {@code canary}, makes the calls given and has the judge look at them. */
    private CanaryMachine.Decision firstLook(Canary canary, int candidateCalls, int candidateErrors, int baselineCalls,
            int baselineErrors) {
        canary.begin();
        calls(candidate, candidateCalls, candidateErrors);
        calls(baseline, baselineCalls, baselineErrors);
        return canary.look(2_000);
    }

    private static int timedOf(Implementation implementation, int calls) {
        int timed = 0;
        for (int i = 0; i < calls; i++) {
            timed += implementation.clock() != 0L ? 1 : 0;
        }
        return timed;
    }

    @Test
    public void whileItRunsTheDtoCountsTheStepsCallsLive() {
        Canary canary = canary(1, 5);
        canary.begin();
        calls(candidate, 7, 1);
        calls(baseline, 20, 0);
        CanaryDTO dto = canary.dto();
        assertEquals("no look yet, counted live", 7, dto.candidateArm.calls);
        assertEquals(1, dto.candidateArm.errors);
        assertEquals(1 / 7.0, dto.candidateArm.errorRate, 1e-12);
        assertEquals(20, dto.baselineArm.calls);
        assertEquals(0, dto.baselineArm.errorRate, 0);
    }

    @Test
    public void aNewStepCountsFromZero() {
        Canary canary = canary(1, 5);
        assertEquals(CanaryMachine.Action.STEP, firstLook(canary, 30, 0, 4_000, 0).action());
        canary.route();
        assertEquals(0, canary.dto().candidateArm.calls);
        assertEquals(0, canary.dto().baselineArm.calls);
        calls(candidate, 2, 0);
        calls(baseline, 3, 0);
        assertEquals(2, canary.dto().candidateArm.calls);
        assertEquals(3, canary.dto().baselineArm.calls);
    }

    @Test
    public void aLargeStepTimesOnlyASampleOfTheCandidatesCalls() {
        canary(25, 50).begin();
        int timed = timedOf(candidate, 1_000);
        assertTrue("about 20 % timed: " + timed, timed > 0 && timed < 1_000);
    }

    @Test
    public void anEndedCanaryNoLongerTimesEitherArm() {
        Canary canary = canary(1);
        canary.begin();
        assertEquals(1_000, timedOf(candidate, 1_000));
        assertNotEquals("about 5 % of the baseline's calls timed", 0, timedOf(baseline, 1_000));
        canary.end(CanaryDTO.REVERTED);
        assertEquals(0, timedOf(candidate, 1_000));
        assertEquals(0, timedOf(baseline, 1_000));
    }

    @Test
    public void anEndedCanaryKeepsTheCountsOfTheJudgesLastLook() {
        Canary canary = canary(1, 5);
        CanaryMachine.Decision last = firstLook(canary, 10, 1, 100, 0);
        canary.end(CanaryDTO.REVERTED);
        canary.ended(new Canary.Ending("revert", "seen enough", "carol", 3_000));
        calls(candidate, 5, 5);
        CanaryDTO dto = canary.dto();
        assertEquals(10, dto.candidateArm.calls);
        assertEquals(0.1, dto.candidateArm.errorRate, 1e-12);
        assertEquals("revert seen enough carol 3000", dto.outcome + " " + dto.outcomeReason + " " + dto.outcomeActor
                + " " + dto.ended);
        String statistics = canary.statistics(last.decided());
        assertTrue(statistics, statistics.startsWith("step 1 of 2 (1 %); candidate impl/1.0.1: 10 calls, 1 errors"
                + " (10.00 %), p50 "));
    }

    @Test
    public void anExceptionTheBaselineAlsoThrewIsNotNew() {
        CanaryMachine.Decision decision = firstLook(canary(1, 5), 3, 3, 100, 3);
        assertNotEquals(decision.verdict().reason(), CanaryMachine.Action.REVERT, decision.action());
    }
}
