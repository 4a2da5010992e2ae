package io.patchbay.core.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Gaps between chosen calls are geometric: on average (1 - p) / p calls pass, with p's own spread. */
public class ChanceTest {

    private static final int DRAWS = 200_000;

    @Test
    public void aSmallShareLeavesGapsOfTheGeometricMean() {
        assertGeometric(0.01); // by the logarithm
        assertGeometric(0.001);
    }

    @Test
    public void aLargeShareLeavesGapsOfTheGeometricMean() {
        assertGeometric(0.5); // by counting draws
        assertGeometric(Chance.COUNTED);
    }

    @Test
    public void everyCallIsChosenAtOneAndNoneAtZero() {
        assertEquals(0, new Chance(1).callsBefore());
        assertEquals(0, Chance.ALWAYS.callsBefore());
        assertEquals("one call, then ask again", 1, new Chance(0).callsBefore());
    }

    private static void assertGeometric(double share) {
        Chance chance = new Chance(share);
        double sum = 0;
        double sumOfSquares = 0;
        long zeros = 0;
        for (int i = 0; i < DRAWS; i++) {
            long gap = chance.callsBefore();
            assertTrue(gap >= 0);
            sum += gap;
            sumOfSquares += (double) gap * gap;
            zeros += gap == 0 ? 1 : 0;
        }
        double mean = sum / DRAWS;
        double expected = (1 - share) / share;
        double spread = Math.sqrt((1 - share) / (share * share) / DRAWS); // the mean's standard error
        assertEquals("mean gap at " + share, expected, mean, 6 * spread);
        double variance = sumOfSquares / DRAWS - mean * mean;
        assertEquals("variance at " + share, (1 - share) / (share * share), variance,
                0.1 * (1 - share) / (share * share));
        assertEquals("the next call chosen at once, with the share's chance", share, (double) zeros / DRAWS,
                6 * Math.sqrt(share * (1 - share) / DRAWS));
    }
}
