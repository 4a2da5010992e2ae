package io.patchbay.fleet;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class HealthWatchTest {

    @Test
    public void aPatchFailingMoreThanTheReplacedCodeFails() {
        String failure = HealthWatch.verdict("impl/1.0.2", 60, 3, "impl/1.0.0", 2000, 0, 3);
        assertNotNull(failure);
        assertTrue(failure, failure.startsWith("impl/1.0.2 failed 3 of 60 calls (5.0 %), more than impl/1.0.0's"
                + " 0.0 % of 2000 calls"));
    }

    @Test
    public void fewerErrorsThanTheMinimumNeverFail() {
        assertNull(HealthWatch.verdict("p", 10, 2, "b", 2000, 0, 3));
    }

    @Test
    public void aPatchAsBadAsTheReplacedCodePasses() {
        // the replaced code failed 2 %: 25 of 1000 (2.5 %) is within its upper bound of about 3.1 %
        assertNull(HealthWatch.verdict("p", 1000, 25, "b", 1000, 20, 3));
        assertNotNull(HealthWatch.verdict("p", 1000, 40, "b", 1000, 20, 3));
    }

    @Test
    public void withoutRecordOfTheReplacedCodeTheMinimumErrorsFail() {
        assertNotNull(HealthWatch.verdict("p", 100, 3, "b", 0, 0, 3));
    }
}
