package io.patchbay.core.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A slot outlives its registrations: a service that registers again from its running bundle keeps its slot, route,
 * patch and facade, and calls wait for it; a slot that nothing comes back to falls back or retires one damping
 * timeout later, on the route's owner.
 */
public class ReregistrationTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private FakeFramework.FakeBundle original;

    @Before
    public void start() {
        framework = new FakeFramework(folder.getRoot().toPath());
        original = framework.install("greeter", "1.0.0");
    }

    @After
    public void stop() {
        framework.owner.close();
    }

    @Test
    public void aServiceRegisteredAgainKeepsItsSlotAndFacadeAndCallsWaitForIt() throws Exception {
        ServiceReference<Object> first = framework.register(original, "greeter", "one");
        Slot slot = framework.slot();
        framework.unregister(first); // a DS component deactivated on a configuration change; its bundle runs

        assertFalse("the slot stays while its bundle runs", slot.retired());
        assertNull("calls wait", slot.active());
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> answer(slot));
        ServiceReference<Object> again = framework.register(original, "greeter", "two");

        assertEquals("two", waiting.get(10, TimeUnit.SECONDS));
        assertSame(slot, framework.slot());
        assertSame(framework.implementation(again), slot.active());
        assertEquals("the facade and replaced-code service, registered once", 2, framework.registrations.get());
        assertEquals(0, framework.unregistrations.get());
        assertEquals("two", ((Map<?, ?>) last(framework.published)).get("answer"));
        framework.pastDamping();
        assertSame("the look after the timeout changes nothing", framework.implementation(again), slot.active());
        assertEquals(List.of(), framework.ledger.entries());
    }

    @Test
    public void aPatchAndItsOriginalRegisteredAgainKeepThePatchRouted() {
        ServiceReference<Object> before = framework.register(original, "greeter", "1.0.0");
        FakeFramework.FakeBundle patch = framework.install("greeter", "1.0.1");
        patch.headers.put(PatchbayConstants.PATCH_HEADER, Greeting.class.getName());
        ServiceReference<Object> patched = framework.register(patch, "greeter", "1.0.1");
        Slot slot = framework.slot();
        assertEquals("greeter/1.0.1", slot.active().id());

        framework.unregister(patched); // the configuration reaches the patch's component first
        framework.unregister(before);
        framework.register(original, "greeter", "1.0.0 again"); // the original comes back first: a standby
        assertNull("calls still wait for the patch", slot.active());
        ServiceReference<Object> back = framework.register(patch, "greeter", "1.0.1 again");

        assertSame(framework.implementation(back), slot.active());
        framework.pastDamping();
        assertSame(framework.implementation(back), slot.active());
        assertEquals(List.of("greeter/1.0.0"), slot.previous());
        assertEquals("only the patch's own switch", 1, framework.ledger.entries().size());
    }

    @Test
    public void aServiceThatDoesNotComeBackFallsBackAfterTheDampingTimeoutRecorded() {
        framework.register(original, "greeter", "1.0.0");
        FakeFramework.FakeBundle patch = framework.install("greeter", "1.0.1");
        patch.headers.put(PatchbayConstants.PATCH_HEADER, Greeting.class.getName());
        ServiceReference<Object> patched = framework.register(patch, "greeter", "1.0.1");
        Slot slot = framework.slot();

        framework.unregister(patched); // its component is disabled: it never comes back
        assertNull(slot.active());
        framework.pastDamping();

        assertEquals("greeter/1.0.0", slot.active().id());
        assertEquals("fallback", framework.ledger.entries().get(0).action);
        assertEquals("greeter/1.0.1 went away and did not come back within " + FakeFramework.DAMPING_MILLIS + " ms",
                framework.ledger.entries().get(0).reason);
    }

    @Test
    public void aStoppedBundleWhoseServiceDoesNotComeBackRetiresItsSlotAfterTheDampingTimeout() {
        ServiceReference<Object> only = framework.register(original, "greeter", "1.0.0");
        Slot slot = framework.slot();

        original.state = Bundle.RESOLVED; // stopped by an operator
        framework.unregister(only);
        assertFalse("the facade stays for one damping timeout", slot.retired());
        assertEquals(0, framework.unregistrations.get());
        framework.pastDamping();

        assertTrue(slot.retired());
        assertEquals(List.of(), framework.slots.all());
        assertEquals("the facade and the replaced-code service", 2, framework.unregistrations.get());
    }

    @Test
    public void aStoppedBundleStartedAgainWithinTheTimeoutKeepsItsSlot() {
        ServiceReference<Object> only = framework.register(original, "greeter", "1.0.0");
        Slot slot = framework.slot();

        original.state = Bundle.RESOLVED;
        framework.unregister(only);
        original.state = Bundle.ACTIVE;
        ServiceReference<Object> back = framework.register(original, "greeter", "1.0.0");
        framework.pastDamping();

        assertFalse(slot.retired());
        assertSame(framework.implementation(back), slot.active());
        assertEquals(0, framework.unregistrations.get());
    }

    private static Object answer(Slot slot) {
        Implementation serving = slot.enter();
        try {
            return ((Greeting) serving.targetFor(null)).greet();
        } finally {
            serving.exit(0);
        }
    }

    private static Object last(List<Object> list) {
        return list.get(list.size() - 1);
    }
}
