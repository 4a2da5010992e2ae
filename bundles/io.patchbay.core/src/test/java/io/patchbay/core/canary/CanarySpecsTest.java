package io.patchbay.core.canary;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.CanarySpecDTO;
import org.junit.Test;

/** Defaults filled in, nonsense refused with one sentence. */
public class CanarySpecsTest {

    @Test
    public void anEmptySpecIsACallShareWithTheDocumentedDefaults() {
        CanarySpecDTO spec = CanarySpecs.complete(null, "fix/1.0.1");
        assertEquals(CanarySpecDTO.CALLS, spec.split);
        assertArrayEquals(new double[] { 1, 5, 25, 50 }, spec.steps, 0);
        assertEquals("fix/1.0.1", spec.salt);
        assertEquals(30_000L, (long) spec.minStepMillis);
        assertEquals(100L, (long) spec.minCalls);
        assertEquals(0.01, spec.alpha, 0);
        assertEquals(true, spec.autoPromote);
    }

    @Test
    public void badSpecsAreRefusedWithOneSentence() {
        CanarySpecDTO falling = new CanarySpecDTO();
        falling.steps = new double[] { 5, 1 };
        assertEquals("Canary steps must rise, each above 0 and below 100 % (100 % is the promotion); [5.0, 1.0] does"
                + " not.", assertThrows(PatchException.class, () -> CanarySpecs.complete(falling, "x")).getMessage());
        CanarySpecDTO noKeys = new CanarySpecDTO();
        noKeys.split = "chosen-keys";
        assertEquals("A chosen-keys canary needs the keys it routes to the candidate.",
                assertThrows(PatchException.class, () -> CanarySpecs.complete(noKeys, "x")).getMessage());
        CanarySpecDTO unknown = new CanarySpecDTO();
        unknown.split = "users";
        assertEquals("A canary splits by calls, keys, chosen-keys, bundles; not by users.",
                assertThrows(PatchException.class, () -> CanarySpecs.complete(unknown, "x")).getMessage());
    }
}
