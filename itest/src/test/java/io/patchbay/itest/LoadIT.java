package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.fixture.consumers.PriceCaller;
import java.util.Map;
import org.junit.Test;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.ProbeBuilder;

/** 200 apply/revert cycles under load through the four kinds of consumer: no call lost, no stale answer. */
public class LoadIT extends ContainerTest {

    private static final int CYCLES = 200;
    private static final int THREADS = 8;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Test
    public void noCallFailsAndEveryLaterCallReachesTheNewImplementation() throws Exception {
        Map<String, PriceCaller> callers = Callers.all(context);
        String fixPath = Container.fixPatch().getPath();
        LoadRun load = new LoadRun(callers, THREADS, "com.example.pricing.impl 1.0.0");
        try (load) {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                load.switching();
                assertEquals(FIXED, manager.apply(fixPath, "cycle " + cycle, "itest").to);
                load.switched("com.example.pricing.impl 1.0.1");
                load.switching();
                assertEquals(ORIGINAL, manager.revert(SLOT, "cycle " + cycle, "itest").to);
                load.switched("com.example.pricing.impl 1.0.0");
            }
        }
        assertEquals("failed calls " + load.examples(), 0, load.failures());
        assertEquals("stale answers " + load.examples(), 0, load.stale());
        assertTrue("the load really ran: " + load.calls() + " calls", load.calls() > CYCLES * 10L);
        for (Map.Entry<String, PriceCaller> caller : callers.entrySet()) {
            assertEquals(caller.getKey() + " activations", 1, caller.getValue().activations());
            assertEquals(caller.getKey() + " injections", 1, caller.getValue().injections());
        }
        long calls = manager.slot(SLOT).standby.get(0).calls + manager.slot(SLOT).active.calls;
        assertTrue("both implementations answered calls", manager.slot(SLOT).standby.get(0).calls > 0);
        assertTrue(calls >= load.calls());
    }
}
