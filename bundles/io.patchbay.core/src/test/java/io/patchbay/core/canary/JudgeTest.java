package io.patchbay.core.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.CanarySpecDTO;
import org.junit.Test;

/** The judge's decisions on evidence of known shape, with the default spec unless a test changes it. */
public class JudgeTest {

    private final CanarySpecDTO spec = CanarySpecs.complete(null, "candidate/1.0.1");

    private Judge.Verdict judge(long candidateCalls, long candidateErrors, long baselineCalls, long baselineErrors,
            long candidateSlow, long stepMillis) {
        return Judge.judge(spec, new Judge.Evidence(candidateCalls, candidateErrors, baselineCalls, baselineErrors,
                candidateCalls, candidateSlow, baselineCalls, stepMillis, null, 0));
    }

    @Test
    public void tooFewCallsHoldTheStepAndSaySo() {
        Judge.Verdict verdict = judge(37, 0, 5000, 0, 0, 60_000);
        assertEquals(Judge.Decision.WAIT, verdict.decision());
        assertEquals("holding: 37 of 100 candidate calls", verdict.reason());
    }

    @Test
    public void aCleanCandidatePassesOnceTheErrorTestAcceptsAndTheStepWasHeldLongEnough() {
        assertEquals(Judge.Decision.WAIT, judge(300, 0, 30_000, 0, 0, 60_000).decision()); // error test not yet
        assertEquals(Judge.Decision.PASS, judge(700, 0, 70_000, 0, 0, 60_000).decision());
        Judge.Verdict early = judge(700, 0, 70_000, 0, 0, 10_000);
        assertEquals(Judge.Decision.WAIT, early.decision());
        assertEquals("holding: 10 s of the step's 30 s", early.reason());
    }

    @Test
    public void aCandidateFailingFivePercentOfCallsFailsWithinAHundredCalls() {
        Judge.Verdict verdict = judge(100, 5, 10_000, 0, 0, 1_000);
        assertEquals(Judge.Decision.FAIL, verdict.decision());
        assertTrue(verdict.reason(), verdict.reason().startsWith("the candidate fails more often than the baseline:"
                + " 5 of 100 (5.00 %) against 0 of 10000 (0.00 %)"));
        assertTrue(verdict.errorScore() >= verdict.reject());
    }

    @Test
    public void aCandidateAsGoodAsAFailingBaselineIsNotReverted() {
        // both fail 2 % of calls: the error test leans to "no worse"
        Judge.Verdict verdict = judge(2000, 40, 100_000, 2000, 0, 60_000);
        assertTrue(verdict.reason(), verdict.decision() != Judge.Decision.FAIL);
        assertTrue(verdict.errorScore() < 0);
    }

    @Test
    public void hardGuardsActAtOnce() {
        Judge.Verdict half = judge(20, 10, 1000, 0, 0, 0);
        assertEquals(Judge.Decision.FAIL, half.decision());
        assertEquals("hard guard: 10 of 20 candidate calls failed (at least 50 % over at least 20 calls)",
                half.reason());
        Judge.Verdict novel = Judge.judge(spec, new Judge.Evidence(10, 3, 1000, 0, 10, 0, 1000, 0,
                "java.lang.ArithmeticException", 3));
        assertEquals("hard guard: the candidate threw java.lang.ArithmeticException 3 times; the baseline never"
                + " threw it", novel.reason());
    }

    @Test
    public void aSlowCandidateFailsTheLatencyTestAndLatencyWaitsForBaselineData() {
        Judge.Verdict slow = judge(200, 0, 20_000, 0, 30, 60_000);
        assertEquals(Judge.Decision.FAIL, slow.decision());
        assertTrue(slow.reason(), slow.reason().startsWith("the candidate is slower than the baseline: 30 of 200"));
        Judge.Verdict noBaseline = Judge.judge(spec, new Judge.Evidence(700, 0, 40, 0, 700, 0, 40, 60_000, null, 0));
        assertEquals("holding: the baseline has 40 of 100 timed calls needed to judge latency", noBaseline.reason());
    }

    @Test
    public void undecidedPastTheLongestStepWaitsForAnOperator() {
        Judge.Verdict verdict = judge(150, 1, 15_000, 0, 0, 600_000);
        assertEquals(Judge.Decision.INCONCLUSIVE, verdict.decision());
        assertTrue(verdict.reason(), verdict.reason().startsWith("undecided after 600 s (holding: the error test is at"));
        assertTrue(verdict.reason(), verdict.reason().endsWith("the canary holds and waits for an operator"));
    }
}
