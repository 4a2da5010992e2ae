package io.patchbay.fleet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class DeployerTest {

    @Test
    public void partsMakeOneSentence() {
        assertEquals("S now runs B instead of A; C runs already.",
                Deployer.sentence(List.of("S now runs B instead of A.", "C runs already")));
        assertEquals("Cancelled action 4.", Deployer.sentence(List.of("Cancelled action 4")));
    }

    @Test
    public void canaryStepsAreShares() {
        assertArrayEquals(new double[] { 10, 50 }, CanaryJudgement.steps("10, 50"), 0);
        assertArrayEquals(new double[] { 2.5 }, CanaryJudgement.steps("2.5,"), 0);
    }
}
