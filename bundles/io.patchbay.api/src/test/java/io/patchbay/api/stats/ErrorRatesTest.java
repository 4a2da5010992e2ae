package io.patchbay.api.stats;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ErrorRatesTest {

    @Test
    public void wilsonUpperBoundMatchesTheFormula() {
        // 0 of 1000: z^2 / (n + z^2) = 3.8415 / 1003.8415
        assertEquals(0.003827, ErrorRates.wilsonUpper(0, 1000), 1e-6);
        // 10 of 1000: (0.011921 + 0.0064592) / 1.0038415, worked by hand
        assertEquals(0.01831, ErrorRates.wilsonUpper(10, 1000), 1e-5);
        assertEquals(0, ErrorRates.wilsonUpper(0, 0), 0);
    }

    @Test
    public void theBoundIsNeverBelowTheRateNorAboveOne() {
        assertEquals(1, ErrorRates.wilsonUpper(5, 5), 0);
        double bound = ErrorRates.wilsonUpper(20, 1000);
        assertEquals(0.0307, bound, 1e-4);
        assertEquals(0, ErrorRates.wilsonUpper(3, -1), 0);
    }
}
