package io.patchbay.core.tracking;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Rerouting;
import io.patchbay.core.slot.Slot;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.core.store.CrashPoints;
import io.patchbay.core.store.Intent;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * What the framework changes (an implementation unregistered) is done in memory on its thread, and written down by
 * the route's owner: never a ledger write, an fsync or a drain wait on the thread that unregisters, never an
 * override of a switch made since, and always in order with the operators' changes.
 */
public class FrameworkMovesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private FakeFramework.FakeBundle originalBundle;
    private FakeFramework.FakeBundle patchBundle;
    private FakeFramework.FakeBundle thirdBundle;
    private ServiceReference<Object> original;
    private ServiceReference<Object> patch;
    private ServiceReference<Object> third;
    private Slot slot;
    private Thread ownerThread;

    @Before
    public void threeImplementations() {
        framework = new FakeFramework(folder.getRoot().toPath());
        originalBundle = framework.install("greeter", "1.0.0");
        patchBundle = framework.install("greeter", "1.0.1");
        thirdBundle = framework.install("greeter", "1.0.2");
        original = framework.register(originalBundle, "greeter", "1.0.0");
        patch = framework.register(patchBundle, "greeter", "1.0.1");
        third = framework.register(thirdBundle, "greeter", "1.0.2");
        slot = framework.slot();
        framework.owner.run("probe", () -> ownerThread = Thread.currentThread());
    }

    @After
    public void noHooks() {
        Rerouting.chosen = next -> {
        };
        CrashPoints.observer = (action, step) -> {
        };
        SlotServices.beforePublish = () -> {
        };
        framework.owner.close();
    }

    @Test
    public void aFallbackNeverOverridesASwitchAnOperatorMadeAfterItChose() {
        Implementation operatorsChoice = framework.implementation(third);
        Rerouting.chosen = next -> { // the fallback chose; before it routes, an operator activates the third
            if (next == framework.implementation(patch) && slot.active() != operatorsChoice) {
                framework.switcher.change(slot, operatorsChoice, change("activate"));
            }
        };
        originalBundle.state = Bundle.STOPPING;

        framework.unregister(original);

        assertSame("the operator's switch stands", operatorsChoice, slot.active());
        assertEquals("no fallback took place, so none is recorded", List.of("activate greeter/1.0.2"), entries());
    }

    @Test
    public void aSwitchRecordsTheRouteItReallyLeft() {
        Implementation moved = framework.implementation(patch);
        CrashPoints.observer = (action, step) -> { // between the intent and the route, the framework moves it
            if (action.equals("activate") && step.equals("intent")) {
                slot.route(moved, false, 1);
            }
        };

        framework.switcher.change(slot, framework.implementation(third), change("activate"));

        LedgerEntryDTO entry = framework.ledger.entries().get(0);
        assertEquals("greeter/1.0.1", entry.from);
        assertEquals("greeter/1.0.2", entry.to);
    }

    @Test
    public void aDepartureDuringAnOperationIsRecordedByTheOwnerAfterIt() throws Exception {
        CountDownLatch operating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread operator = new Thread(() -> framework.owner.run("operation", () -> {
            framework.intents.begin(new Intent(1, "apply", "operator", slot.id(), "greeter/1.0.0", "x/1", null,
                    null, null, null));
            operating.countDown();
            await(finish);
            framework.intents.finish(slot.id());
        }));
        operator.start();
        assertTrue(operating.await(10, TimeUnit.SECONDS));
        originalBundle.state = Bundle.STOPPING;

        framework.unregisterNow(original);

        assertSame("calls go to the fallback at once", framework.implementation(patch), slot.active());
        assertEquals("nothing written on the framework's thread", List.of(), entries());
        finish.countDown();
        operator.join(10_000);
        framework.settled();
        assertEquals(List.of("fallback greeter/1.0.1"), entries());
        assertEquals("greeter/1.0.0 went away", framework.ledger.entries().get(0).reason);
        assertEquals("the fallback's own intent is finished too", List.of(), framework.intents.pending());
        assertEquals("greeter/1.0.1", framework.routes.get(slot.id()).active());
    }

    @Test
    public void aDepartureNeitherWaitsForRunningCallsNorUngetsUnderThem() {
        Implementation departing = framework.implementation(original);
        Implementation running = slot.enter(); // a call in the active implementation
        assertSame(departing, running);
        originalBundle.state = Bundle.STOPPING;

        framework.unregisterNow(original); // returns although the call runs: no drain wait on this thread

        assertFalse("not given back while a call runs in it", framework.ungot.contains(original));
        assertSame(framework.implementation(patch), slot.active());
        running.exit();
        framework.settled();
        assertEquals(List.of(original), framework.ungot);
    }

    @Test
    public void aStandbyWithACallBelowAPatchIsGivenBackOnlyAfterTheCall() throws Exception {
        Implementation standby = framework.implementation(third);
        standby.started(); // a patch's call into the code it replaces runs there
        thirdBundle.state = Bundle.STOPPING;

        framework.unregisterNow(third);
        awaitDrainingOrGivenBack(third);

        assertFalse("the owner waits for the call before giving the service back", framework.ungot.contains(third));
        standby.exit();
        framework.settled();
        assertEquals(List.of(third), framework.ungot);
    }

    /** Waits until the owner is in a timed wait (a drain) or has given the service back. */
    private void awaitDrainingOrGivenBack(ServiceReference<Object> reference) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ownerThread.getState() != Thread.State.TIMED_WAITING && !framework.ungot.contains(reference)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    public void theFacadeEndsWithThePropertiesOfTheRouteTheLastSwitchLeft() throws Exception {
        Thread[] other = new Thread[1];
        SlotServices.beforePublish = () -> { // a switch read its properties; the framework moves the route now
            if (other[0] == null) {
                other[0] = new Thread(() -> {
                    slot.route(framework.implementation(third), false, 2);
                    slot.followActive();
                });
                other[0].start();
                awaitBlockedOrDone(other[0]);
            }
        };

        framework.switcher.change(slot, framework.implementation(patch), change("activate"));
        other[0].join(10_000);

        List<Object> published = framework.published;
        assertEquals("1.0.2", ((Dictionary<?, ?>) published.get(published.size() - 1)).get("answer"));
    }

    /** Waits until {@code thread} has finished or waits for a lock (the publisher's). */
    private static void awaitBlockedOrDone(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.isAlive() && thread.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
    private List<String> entries() {
        return framework.ledger.entries().stream().map(e -> e.action + " " + e.to).toList();
    }

    private static Switcher.Change change(String action) {
        return new Switcher.Change(action, "test", null, null, true);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
