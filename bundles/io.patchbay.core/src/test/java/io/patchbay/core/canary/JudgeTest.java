package io.patchbay.core.canary;

import static io.patchbay.core.canary.Evidences.times;
import static io.patchbay.core.canary.Evidences.timed;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.stats.ErrorRates;
import org.HdrHistogram.Histogram;
import org.junit.Test;

/** The judge's three tests on evidence of known shape, with the default spec. */
public class JudgeTest {

    private final CanarySpecDTO spec = CanarySpecs.complete(null, "candidate/1.0.1");
    private final Judge judge = new Judge(spec);
    private final ArmTally baseline = new ArmTally();
    private final ArmTally candidate = new ArmTally();

    private void add(Evidence e) {
        baseline.add(e.baselineCalls(), e.baselineErrors(), e.baselineTimes());
        candidate.add(e.candidateCalls(), e.candidateErrors(), e.candidateTimes());
        judge.add(e, baseline);
    }

    @Test
    public void aCandidateTwiceAsSlowOnEveryCallFailsAtEveryTimeScale() {
        for (long median : new long[] { 100, 1_000, 10_000, 100_000 }) {
            Judge scaled = new Judge(spec);
            ArmTally base = new ArmTally();
            base.add(10_000, 0, times(1000, median));
            scaled.add(timed(times(40, 2 * median), times(0, median)), base);
            assertTrue(median + " us: " + scaled.typicalScore(), scaled.typicalScore() >= scaled.reject);
            ArmTally slow = new ArmTally();
            slow.add(40, 0, times(40, 2 * median));
            String failure = scaled.failure(slow, base);
            assertTrue(failure, failure.startsWith("the candidate is slower than the baseline on most calls: 40 of 40"
                    + " timed calls in this step slower than"));
        }
    }

    @Test
    public void aCandidateAsFastAsTheBaselinePassesAtEveryTimeScale() {
        for (long median : new long[] { 100, 1_000, 10_000, 100_000 }) {
            Judge scaled = new Judge(spec);
            ArmTally base = new ArmTally();
            base.add(10_000, 0, times(1000, median));
            scaled.add(timed(times(100, median), times(0, median)), base);
            assertEquals(100 * Math.log(0.4 / 0.5), scaled.typicalScore(), 1e-9);
            assertEquals(100 * Math.log(0.95 / 0.99), scaled.tailScore(), 1e-9);
            assertTrue(scaled.atMost(0));
            assertNull(scaled.above(0));
        }
    }

    @Test
    public void aFewVerySlowCallsFailTheTailTestAlone() {
        Histogram slowTail = times(190, 1000);
        slowTail.recordValueWithCount(10_000_000, 10);
        add(timed(slowTail, times(1000, 1000)));
        assertEquals(10 * Math.log(0.05 / 0.01) + 190 * Math.log(0.95 / 0.99), judge.tailScore(), 1e-9);
        assertTrue(judge.typicalScore() < 0);
        assertEquals(judge.tailScore(), judge.latencyScore(), 0);
        String failure = judge.failure(candidate, baseline);
        assertTrue(failure, failure.startsWith("the candidate is slower than the baseline on some calls: 10 of 200"
                + " timed calls in this step slower than"));
        assertEquals(10, judge.slow(candidate.window()));
        assertTrue(judge.above(0), judge.above(0).startsWith("the tail latency test is at"));
    }

    @Test
    public void latencyWaitsForAHundredBaselineTimes() {
        add(timed(times(100, 5000), times(99, 1000)));
        assertEquals(0, judge.latencyScore(), 0);
        assertEquals(0, judge.slow(candidate.window()));
        assertTrue(!Judge.latencyJudged(baseline));
        add(timed(times(100, 5000), times(1, 1000)));
        assertTrue(Judge.latencyJudged(baseline));
        assertTrue(judge.typicalScore() >= judge.reject);
        assertTrue(judge.above(0), judge.above(0).startsWith("the typical latency test is at"));
    }

    @Test
    public void theBoundsAreTheBaselinesQuantilesAtTheirUpperConfidenceBoundTimesTheRatioPlusTheMargin() {
        Histogram base = new Histogram(1, ArmTally.LONGEST, 2);
        for (int micros = 1; micros <= 100; micros++) {
            base.recordValue(micros * 1000L);
        }
        // 100 times: the p99's upper bound is past the largest time
        assertEquals(Math.round(base.getValueAtPercentile(100) * 1.2) + 50_000, judge.bound(base, 0.99));
        long median = base.getValueAtPercentile(100 * (0.5 + 1.645 * Math.sqrt(0.25 / 100)));
        assertEquals(Math.round(median * 1.2) + 50_000, judge.bound(base, 0.5));
        assertTrue(median > base.getValueAtPercentile(50));
    }

    @Test
    public void theErrorTestTakesTheBaselineAtItsWilsonUpperBoundAboveAFloor() {
        add(new Evidence(1000, 20, 1000, 20, null, null, null, 0));
        double p0 = ErrorRates.wilsonUpper(20, 1000);
        double p1 = Math.max(p0 + 0.005, 2 * p0);
        assertEquals(Judge.llr(20, 1000, p0, p1), judge.errorScore(), 1e-9);
        assertTrue(judge.errorScore() < 0);
        Judge clean = new Judge(spec);
        ArmTally none = new ArmTally();
        none.add(100_000, 0, null);
        clean.add(new Evidence(100, 1, 0, 0, null, null, null, 0), none);
        assertEquals(Judge.llr(1, 100, Judge.ERROR_FLOOR, 0.006), clean.errorScore(), 1e-9);
    }

    @Test
    public void hardGuardsActOnTheStepsCallsOrARepeatedNewException() {
        candidate.add(20, 10, null);
        assertEquals("hard guard: 10 of 20 candidate calls failed (at least 50 % over at least 20 calls)",
                judge.guard(candidate, new Evidence(0, 0, 0, 0, null, null, null, 0)));
        ArmTally fewer = new ArmTally();
        fewer.add(19, 19, null);
        assertNull(judge.guard(fewer, new Evidence(0, 0, 0, 0, null, null, "java.lang.Error", 2)));
        assertEquals("hard guard: the candidate threw java.lang.ArithmeticException 3 times; the baseline never threw"
                + " it", judge.guard(fewer, new Evidence(0, 0, 0, 0, null, null, "java.lang.ArithmeticException", 3)));
        ArmTally half = new ArmTally();
        half.add(40, 19, null);
        assertNull(judge.guard(half, new Evidence(0, 0, 0, 0, null, null, null, 0)));
    }

    @Test
    public void theLogLikelihoodRatioIsWalds() {
        assertEquals(2 * Math.log(0.06 / 0.01) + 8 * Math.log(0.94 / 0.99), Judge.llr(2, 10, 0.01, 0.06), 1e-12);
        assertEquals("0 of 0", Judge.rate(0, 0));
        assertEquals("1 of 8 (12.50 %)", Judge.rate(1, 8));
    }
}
