package io.patchbay.core.canary;

import static io.patchbay.core.canary.Evidences.calls;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.canary.CanaryMachine.Action;
import io.patchbay.core.canary.CanaryMachine.Decision;
import org.junit.Test;

/** The canary's decisions on evidence of known shape, with the default spec unless a test changes it. */
public class CanaryMachineTest {

    private final CanarySpecDTO spec = CanarySpecs.complete(null, "candidate/1.0.1");
    private final CanaryMachine machine = new CanaryMachine(spec, 0);

    @Test
    public void aCleanCandidateWalksEveryStepAndIsPromotedOnceTheEvidenceIsEnough() {
        assertEquals(1, machine.percent(), 0);
        Decision early = machine.look(calls(100, 0, 10_000, 0), 1_000);
        assertEquals(Action.WAIT, early.action());
        assertEquals("holding: 1 s of the step's 30 s", early.verdict().reason());
        assertEquals(Action.STEP, machine.look(calls(0, 0, 0, 0), 30_000).action());
        assertEquals(5, machine.percent(), 0);
        assertEquals(Action.STEP, machine.look(calls(100, 0, 10_000, 0), 60_000).action());
        assertEquals(Action.STEP, machine.look(calls(100, 0, 10_000, 0), 90_000).action());
        assertTrue(machine.lastStep());
        Decision last = machine.look(calls(100, 0, 10_000, 0), 120_000);
        assertEquals("400 clean calls are not enough to promote", Action.WAIT, last.action());
        assertEquals("holding: the error test is at -2.01 and passes at -2.99", last.verdict().reason());
        Decision promoted = machine.look(calls(200, 0, 10_000, 0), 121_000);
        assertEquals(Action.PROMOTE, promoted.action());
        assertEquals(Verdict.Decision.PASS, promoted.verdict().decision());
        assertTrue(promoted.verdict().reason(), promoted.verdict().reason().startsWith("the candidate is no worse than"
                + " the baseline: errors 0 of 600 (0.00 %) against 0 of 50000 (0.00 %) since the canary began"));
        assertEquals(CanaryDTO.PROMOTED, machine.view().state());
    }

    @Test
    public void evidenceAccumulatesAcrossStepsWhileEachStepHasItsOwnWindow() {
        machine.look(calls(150, 0, 10_000, 0), 30_000);
        double afterStepOne = machine.view().errorScore();
        assertEquals(150 * Math.log(0.994 / 0.999), afterStepOne, 1e-9);
        assertEquals(0, machine.view().candidate().calls());
        assertEquals("a step begins without a verdict", null, machine.view().verdict());
        assertEquals(30_000, machine.view().stepStarted());
        machine.look(calls(50, 0, 1_000, 0), 31_000);
        assertEquals(200 * Math.log(0.994 / 0.999), machine.view().errorScore(), 1e-9);
        assertEquals(50, machine.view().candidate().calls());
        assertEquals(1_000, machine.view().baseline().calls());
        assertEquals(1, machine.view().step());
    }

    @Test
    public void aStepBeforeTheLastPassesOnlyWhenEveryTestLeansToNoWorse() {
        Decision leaning = machine.look(calls(100, 1, 100_000, 0), 30_000);
        assertEquals(Action.WAIT, leaning.action());
        assertTrue(leaning.verdict().reason(), leaning.verdict().reason().startsWith("holding: the error test is at"
                + " 1.30 and passes at 0.00"));
        assertEquals(Action.STEP, machine.look(calls(300, 0, 10_000, 0), 31_000).action());
    }

    @Test
    public void aCandidateFailingMoreOftenIsRevertedWithTheCountsSinceTheCanaryBegan() {
        Decision failed = machine.look(calls(100, 5, 10_000, 0), 1_000);
        assertEquals(Action.REVERT, failed.action());
        assertEquals(Verdict.Decision.FAIL, failed.verdict().decision());
        assertTrue(failed.verdict().failedOnErrors());
        assertEquals("the candidate fails more often than the baseline: 5 of 100 (5.00 %) against 0 of 10000 (0.00 %)"
                + " since the canary began (error test 8.48 reached 4.55)", failed.verdict().reason());
        assertEquals(CanaryDTO.REVERTED, machine.view().state());
        assertEquals("the decision carries the canary as it was decided", CanaryDTO.RUNNING,
                failed.decided().state());
    }

    @Test
    public void tooFewCallsOrTooFewBaselineTimesHoldTheStepAndSaySo() {
        assertEquals("holding: 99 of 100 candidate calls",
                machine.look(calls(99, 0, 10_000, 0), 40_000).verdict().reason());
        CanaryMachine quiet = new CanaryMachine(spec, 0);
        Decision untimed = quiet.look(new Evidence(700, 0, 40, 0, Evidences.times(700, 1000),
                Evidences.times(99, 1000), null, 0), 40_000);
        assertEquals("holding: the baseline has 99 of 100 timed calls needed to judge latency",
                untimed.verdict().reason());
        assertEquals(Action.STEP, quiet.look(new Evidence(0, 0, 1, 0, null, Evidences.times(1, 1000), null, 0),
                40_250).action());
    }

    @Test
    public void undecidedPastTheLongestStepHoldsOnceThenWaits() {
        Decision before = machine.look(calls(100, 1, 100_000, 0), 599_999);
        assertEquals(Action.WAIT, before.action());
        Decision held = machine.look(calls(0, 0, 0, 0), 600_000);
        assertEquals(Action.HOLD, held.action());
        assertEquals(Verdict.Decision.INCONCLUSIVE, held.verdict().decision());
        assertTrue(held.verdict().reason(), held.verdict().reason().startsWith("undecided after 600 s (holding: the"
                + " error test is at"));
        assertTrue(held.verdict().reason().endsWith("the canary holds and waits for an operator"));
        assertTrue(machine.holding());
        assertEquals(Action.WAIT, machine.look(calls(0, 0, 0, 0), 900_000).action());
    }

    @Test
    public void aHeldCanaryNeitherStepsNorPromotesButIsStillReverted() {
        machine.hold();
        assertEquals(CanaryDTO.HOLDING, machine.view().state());
        Decision passing = machine.look(calls(300, 0, 10_000, 0), 30_000);
        assertEquals(Action.WAIT, passing.action());
        assertEquals(Verdict.Decision.PASS, passing.verdict().decision());
        assertEquals(0, machine.view().step());
        assertEquals(Action.REVERT, machine.look(calls(100, 10, 10_000, 0), 31_000).action());
    }

    @Test
    public void resumingStartsTheStepsWindowAnewButKeepsTheEvidence() {
        machine.hold();
        machine.look(calls(300, 0, 10_000, 0), 30_000);
        machine.resume(40_000);
        assertFalse(machine.holding());
        assertEquals(40_000, machine.view().stepStarted());
        assertEquals(0, machine.view().candidate().calls());
        assertEquals(300 * Math.log(0.994 / 0.999), machine.view().errorScore(), 1e-9);
        assertEquals(Action.WAIT, machine.look(calls(100, 0, 1_000, 0), 60_000).action());
        assertEquals(Action.STEP, machine.look(calls(0, 0, 0, 0), 70_000).action());
    }

    @Test
    public void withoutAutoPromoteTheLastStepHoldsForAnOperator() {
        CanarySpecDTO given = new CanarySpecDTO();
        given.autoPromote = false;
        given.steps = new double[] { 50 };
        CanaryMachine manual = new CanaryMachine(CanarySpecs.complete(given, "candidate/1.0.1"), 0);
        Decision done = manual.look(calls(700, 0, 10_000, 0), 30_000);
        assertEquals(Action.HOLD, done.action());
        assertTrue(done.verdict().reason(), done.verdict().reason().endsWith("; it waits for an operator to promote"
                + " it"));
        assertTrue(manual.holding());
        assertEquals(Action.WAIT, manual.look(calls(100, 0, 1_000, 0), 31_000).action());
    }

    @Test
    public void anEndOutsideTheJudgeIsShownInTheView() {
        machine.end(CanaryDTO.REVERTED);
        assertEquals(CanaryDTO.REVERTED, machine.view().state());
    }

    @Test
    public void eachArmTimesAShareOfItsCallsThatKeepsTimingCheap() {
        assertEquals(100, machine.candidateTimedPercent(), 0);
        assertEquals(5, machine.baselineTimedPercent(), 0);
        machine.look(calls(300, 0, 10_000, 0), 30_000);
        assertEquals(100, machine.candidateTimedPercent(), 0);
        assertEquals(500 / 95.0, machine.baselineTimedPercent(), 1e-9);
        machine.look(calls(300, 0, 10_000, 0), 60_000);
        assertEquals("a fifth of the candidate's calls at 25 %", 20, machine.candidateTimedPercent(), 1e-9);
        assertEquals(25 * 20 / 75.0, machine.baselineTimedPercent(), 1e-9);
        machine.look(calls(300, 0, 10_000, 0), 90_000);
        assertEquals("a tenth at 50 %", 10, machine.candidateTimedPercent(), 1e-9);
        assertEquals(10, machine.baselineTimedPercent(), 1e-9);
        CanarySpecDTO given = new CanarySpecDTO();
        given.split = CanarySpecDTO.BUNDLES;
        given.bundles = new String[] { "consumer" };
        CanaryMachine bundles = new CanaryMachine(CanarySpecs.complete(given, "candidate/1.0.1"), 0);
        assertEquals(100, bundles.percent(), 0);
        assertEquals(100, bundles.baselineTimedPercent(), 0);
        assertEquals(100, bundles.candidateTimedPercent(), 0);
        assertEquals(1, bundles.view().stepCount());
        assertTrue(bundles.lastStep());
    }

    @Test
    public void theViewBeforeTheFirstLookHasNoVerdict() {
        CanaryView view = new CanaryMachine(spec, 5).view();
        assertNull(view.verdict());
        assertEquals(5, view.stepStarted());
        assertEquals(4, view.stepCount());
        assertEquals(Math.log(0.05 / 0.99), view.accept(), 1e-12);
        assertEquals(Math.log(0.95 / 0.01), view.reject(), 1e-12);
        assertEquals(CanaryDTO.RUNNING, view.state());
    }
}
