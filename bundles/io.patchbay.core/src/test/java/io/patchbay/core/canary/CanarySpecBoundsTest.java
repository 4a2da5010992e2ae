package io.patchbay.core.canary;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.CanarySpecDTO;
import java.util.function.Consumer;
import org.junit.Test;

/** Each limit of a canary spec, on both sides of its edge: the value at the edge is taken or refused. */
public class CanarySpecBoundsTest {

    private static final String OUT_OF_RANGE = "A canary threshold is out of range: times and counts must not be"
            + " negative, the longest step not shorter than the shortest, the error and slow ratios at least 1 and the"
            + " slow share between 0.01 and 1.";

    private static CanarySpecDTO accepted(Consumer<CanarySpecDTO> change) {
        CanarySpecDTO given = new CanarySpecDTO();
        change.accept(given);
        return CanarySpecs.complete(given, "fix/1.0.1");
    }

    private static String refused(Consumer<CanarySpecDTO> change) {
        CanarySpecDTO given = new CanarySpecDTO();
        change.accept(given);
        return assertThrows(PatchException.class, () -> CanarySpecs.complete(given, "fix/1.0.1")).getMessage();
    }

    @Test
    public void stepsRiseStrictlyFromAboveZeroToBelowAHundred() {
        String steps = "Canary steps must rise, each above 0 and below 100 % (100 % is the promotion); ";
        assertEquals(steps + "[0.0, 5.0] does not.", refused(s -> s.steps = new double[] { 0, 5 }));
        assertEquals(steps + "[5.0, 5.0] does not.", refused(s -> s.steps = new double[] { 5, 5 }));
        assertEquals(steps + "[50.0, 100.0] does not.", refused(s -> s.steps = new double[] { 50, 100 }));
        assertArrayEquals(new double[] { 0.5, 99.5 }, accepted(s -> s.steps = new double[] { 0.5, 99.5 }).steps, 0);
    }

    @Test
    public void alphaAndBetaLieStrictlyBetweenZeroAndAHalf() {
        String message = "The judge's alpha and beta must be above 0 and below 0.5.";
        assertEquals(message, refused(s -> s.alpha = 0.0));
        assertEquals(message, refused(s -> s.alpha = 0.5));
        assertEquals(message, refused(s -> s.beta = 0.0));
        assertEquals(message, refused(s -> s.beta = 0.5));
        CanarySpecDTO spec = accepted(s -> {
            s.alpha = 0.49;
            s.beta = 0.001;
        });
        assertEquals(0.49, spec.alpha, 0);
        assertEquals(0.001, spec.beta, 0);
    }

    @Test
    public void timesAndCountsMayBeZeroButNotNegative() {
        CanarySpecDTO spec = accepted(s -> {
            s.minStepMillis = 0L;
            s.maxStepMillis = 0L;
            s.minCalls = 0L;
            s.errorMargin = 0.0;
            s.warmupCalls = 0L;
            s.slowMarginMicros = 0L;
        });
        assertEquals(0L, (long) spec.maxStepMillis);
        assertEquals(0L, (long) spec.warmupCalls);
        assertEquals(OUT_OF_RANGE, refused(s -> s.minStepMillis = -1L));
        assertEquals(OUT_OF_RANGE, refused(s -> {
            s.minStepMillis = 1_000L;
            s.maxStepMillis = 999L;
        }));
        assertEquals(OUT_OF_RANGE, refused(s -> s.minCalls = -1L));
        assertEquals(OUT_OF_RANGE, refused(s -> s.errorMargin = -0.001));
        assertEquals(OUT_OF_RANGE, refused(s -> s.warmupCalls = -1L));
        assertEquals(OUT_OF_RANGE, refused(s -> s.slowMarginMicros = -1L));
    }

    @Test
    public void ratiosAreAtLeastOneAndTheSlowShareBetweenItsBounds() {
        CanarySpecDTO spec = accepted(s -> {
            s.errorRatio = 1.0;
            s.slowRatio = 1.0;
            s.slowShare = 0.011;
        });
        assertEquals(1.0, spec.errorRatio, 0);
        assertEquals(OUT_OF_RANGE, refused(s -> s.errorRatio = 0.99));
        assertEquals(OUT_OF_RANGE, refused(s -> s.slowRatio = 0.99));
        assertEquals(OUT_OF_RANGE, refused(s -> s.slowShare = 0.01));
        assertEquals(OUT_OF_RANGE, refused(s -> s.slowShare = 1.0));
        assertEquals(0.99, accepted(s -> s.slowShare = 0.99).slowShare, 0);
    }

    @Test
    public void theGuardsActOnAPositiveRateAndAtLeastOneCall() {
        CanarySpecDTO spec = accepted(s -> {
            s.guardErrorRate = 1.0;
            s.guardCalls = 1L;
            s.newExceptionRepeats = 1L;
        });
        assertEquals(1.0, spec.guardErrorRate, 0);
        assertEquals(OUT_OF_RANGE, refused(s -> s.guardErrorRate = 0.0));
        assertEquals(OUT_OF_RANGE, refused(s -> s.guardErrorRate = 1.01));
        assertEquals(OUT_OF_RANGE, refused(s -> s.guardCalls = 0L));
        assertEquals(OUT_OF_RANGE, refused(s -> s.newExceptionRepeats = 0L));
    }

    @Test
    public void theSplitIsReadWithoutCaseOrSpacesAndABlankOneSplitsCalls() {
        assertEquals(CanarySpecDTO.CALLS, accepted(s -> s.split = "  ").split);
        assertEquals(CanarySpecDTO.KEYS, accepted(s -> s.split = " Keys ").split);
        assertEquals("A bundles canary needs the consumer bundles it routes to the candidate.",
                refused(s -> s.split = CanarySpecDTO.BUNDLES));
    }
}
