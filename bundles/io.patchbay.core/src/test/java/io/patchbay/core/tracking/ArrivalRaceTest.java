package io.patchbay.core.tracking;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.core.store.SavedRoute;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Arrivals: a registration racing its slot's retirement lands in a live slot; a patch started outside Patchbay is
 * switched to by the route's owner, which refuses when a canary runs; a restored slot whose saved bundle runs but
 * never registers stops waiting after the restore timeout.
 */
public class ArrivalRaceTest {

    private static final String SLOT = Greeting.class.getName() + "@0.0.0#greeter";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;

    @Before
    public void start() {
        framework = new FakeFramework(folder.getRoot().toPath());
    }

    @After
    public void noHook() {
        Slots.placing = slot -> {
        };
        framework.owner.close();
    }

    @Test
    public void anArrivalRacingTheRetirementOfItsSlotLandsInALiveSlot() {
        FakeFramework.FakeBundle first = framework.install("greeter", "1.0.0");
        FakeFramework.FakeBundle second = framework.install("greeter", "1.0.1");
        ServiceReference<Object> only = framework.register(first, "greeter", "1.0.0");
        Slot retiring = framework.slot();
        Slots.placing = slot -> { // the arrival found the slot; before it joins, the slot's last service leaves
            if (slot == retiring && !retiring.retired()) {
                first.state = Bundle.RESOLVED; // stopped by an operator, and nothing comes back:
                framework.unregisterNow(only);
                framework.pastDamping(); // the slot retires one damping timeout later
            }
        };

        ServiceReference<Object> arriving = framework.register(second, "greeter", "1.0.1");

        Implementation landed = framework.implementation(arriving);
        assertTrue(retiring.retired());
        assertNotSame("not in the retired slot, which no consumer reaches", retiring, landed.slot());
        assertEquals(List.of(landed.slot()), framework.slots.all());
        assertSame("it serves", landed, landed.slot().active());
    }

    @Test
    public void aPatchStartedOutsidePatchbayIsSwitchedToByTheOwner() {
        ServiceReference<Object> patch = originalThenOutsidePatch();

        assertSame(framework.implementation(patch), framework.slot().active());
        assertEquals("apply", framework.ledger.entries().get(0).action);
        assertEquals("framework", framework.ledger.entries().get(0).actor);
    }

    @Test
    public void aPatchStartedOutsidePatchbayDuringACanaryStaysAStandby() {
        framework.canaryRunning = slot -> true;

        ServiceReference<Object> patch = originalThenOutsidePatch();

        assertNotSame(framework.implementation(patch), framework.slot().active());
        assertEquals("greeter/1.0.0", framework.slot().active().id());
        assertEquals(List.of(), framework.ledger.entries());
    }

    @Test
    public void aRestoredSlotWhoseBundleRunsButNeverRegistersFallsBackAfterTheTimeout() {
        FakeFramework.FakeBundle original = framework.install("greeter", "1.0.0");
        framework.install("greeter", "1.0.1"); // active, but its service never comes
        framework.routes.put(SLOT, new SavedRoute("greeter/1.0.1", List.of("greeter/1.0.0"),
                Set.of("greeter/1.0.0", "greeter/1.0.1")));
        framework.restoreMillis = 0;
        framework.settle(); // the slot comes after the start (an API refresh, say)

        ServiceReference<Object> back = framework.register(original, "greeter", "1.0.0");
        framework.settled();

        assertSame(framework.implementation(back), framework.slot().active());
        assertNull(framework.slot().awaiting());
        assertEquals("greeter/1.0.1's bundle is running but did not register its service within 0 ms",
                framework.ledger.entries().get(0).reason);
    }

    private ServiceReference<Object> originalThenOutsidePatch() {
        FakeFramework.FakeBundle original = framework.install("greeter", "1.0.0");
        FakeFramework.FakeBundle outside = framework.install("greeter", "1.0.1");
        outside.headers.put(PatchbayConstants.PATCH_HEADER, Greeting.class.getName());
        framework.register(original, "greeter", "1.0.0");
        framework.settle();
        return framework.register(outside, "greeter", "1.0.1");
    }
}
