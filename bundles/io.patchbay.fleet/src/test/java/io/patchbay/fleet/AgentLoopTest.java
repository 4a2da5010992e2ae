package io.patchbay.fleet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.Test;

public class AgentLoopTest {

    @Test
    public void backOffDoublesUpToTheLimitWithinTenPercent() {
        for (int round = 0; round < 100; round++) {
            within(1000, AgentLoop.delay(1000, 1, 60_000));
            within(2000, AgentLoop.delay(1000, 2, 60_000));
            within(8000, AgentLoop.delay(1000, 4, 60_000));
            within(60_000, AgentLoop.delay(1000, 10, 60_000));
            within(60_000, AgentLoop.delay(1000, 1000, 60_000));
        }
    }

    @Test
    public void aLimitBelowTheIntervalKeepsTheInterval() {
        within(5000, AgentLoop.delay(5000, 3, 1000));
    }

    @Test
    public void failuresAreSentences() {
        assertEquals("no answer in time (requestTimeoutMs)", AgentLoop.why(new HttpTimeoutException("x")));
        assertEquals("cannot connect (connection refused)", AgentLoop.why(new ConnectException()));
    }

    private static void within(long expected, long actual) {
        assertTrue(actual + " not within 10 % of " + expected, Math.abs(actual - expected) <= expected / 10);
    }
}
