package io.patchbay.core.tracking;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Rerouting;
import io.patchbay.core.slot.Slot;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.core.store.SavedRoute;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;

/**
 * A slot restored after a restart waits for its saved implementation (here the patch greeter/1.0.1, installed but
 * never registering its service); it must never wait forever once nothing can bring that one back.
 */
public class RestoreTest {

    private static final String SLOT = Greeting.class.getName() + "@0.0.0#greeter";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private FakeFramework.FakeBundle originalBundle;
    private FakeFramework.FakeBundle patchBundle;
    private FakeFramework.FakeBundle otherBundle;

    @Before
    public void restart() {
        framework = new FakeFramework(folder.getRoot().toPath());
        originalBundle = framework.install("greeter", "1.0.0");
        patchBundle = framework.install("greeter", "1.0.1");
        otherBundle = framework.install("greeter", "1.0.2");
        framework.routes.put(SLOT, new SavedRoute("greeter/1.0.1", List.of("greeter/1.0.0"),
                Set.of("greeter/1.0.0", "greeter/1.0.1")));
    }

    @After
    public void noHook() {
        Rerouting.chosen = next -> {
        };
    }

    @Test
    public void aRestoringSlotWhoseOnlyImplementationLeftBeforeTheStartTakesTheNextOneToCome() {
        ServiceReference<Object> original = framework.register(originalBundle, "greeter", "1.0.0");
        Slot slot = framework.slot();
        assertNull("it waits for the patch", slot.active());
        originalBundle.state = Bundle.STOPPING;
        framework.unregister(original); // its only implementation leaves before the framework has started

        framework.settle();
        originalBundle.state = Bundle.ACTIVE;
        ServiceReference<Object> back = framework.register(originalBundle, "greeter", "1.0.0");

        assertSame("served again", framework.implementation(back), slot.active());
    }

    @Test
    public void aFallbackAtTheStartWhoseChoiceIsUnregisteredBeforeTheRouteChoosesAgain() {
        ServiceReference<Object> original = framework.register(originalBundle, "greeter", "1.0.0");
        ServiceReference<Object> other = framework.register(otherBundle, "greeter", "1.0.2");
        Implementation first = framework.implementation(original);
        Rerouting.chosen = next -> {
            if (next == first && framework.implementation(original) != null) {
                originalBundle.state = Bundle.STOPPING;
                framework.unregister(original);
            }
        };

        framework.settle();

        assertSame(framework.implementation(other), framework.slot().active());
        assertEquals(List.of("greeter/1.0.2"), framework.ledger.entries().stream().map(e -> e.to).toList());
    }

    @Test
    public void aSlotFirstSeenAfterTheStartDoesNotWaitForABundleThatIsNotRunning() {
        patchBundle.state = Bundle.RESOLVED; // installed, stopped: nothing will register its service
        framework.settle();

        ServiceReference<Object> original = framework.register(originalBundle, "greeter", "1.0.0");

        assertSame(framework.implementation(original), framework.slot().active());
        LedgerEntryDTO fallback = framework.ledger.entries().get(0);
        assertEquals("fallback", fallback.action);
        assertEquals("greeter/1.0.1 is not running", fallback.reason);
    }

    @Test
    public void aSlotFirstSeenAfterTheStartStopsWaitingWhenTheAwaitedBundleStops() {
        framework.settle();
        ServiceReference<Object> original = framework.register(originalBundle, "greeter", "1.0.0");
        assertNull("the patch's bundle is active: its service may still come", framework.slot().active());

        patchBundle.state = Bundle.RESOLVED;
        framework.slots.bundleChanged(new BundleEvent(BundleEvent.STOPPED, patchBundle.bundle));

        assertSame(framework.implementation(original), framework.slot().active());
    }

    @Test
    public void aSlotFirstSeenAfterTheStartWaitsForABundleARefreshIsRestarting() {
        framework.settle();
        patchBundle.state = Bundle.RESOLVED; // stopped for a moment: the refresh starts it again
        patchBundle.persistentlyStarted = true;
        framework.register(originalBundle, "greeter", "1.0.0");
        framework.slots.bundleChanged(new BundleEvent(BundleEvent.STOPPED, patchBundle.bundle));
        assertNull("it waits for the patch", framework.slot().active());

        patchBundle.state = Bundle.ACTIVE;
        ServiceReference<Object> patch = framework.register(patchBundle, "greeter", "1.0.1");
        assertSame(framework.implementation(patch), framework.slot().active());
        assertEquals("restored, not decided", List.of(), framework.ledger.entries());
    }

    @Test
    public void aSlotFirstSeenAfterTheStartStillRestoresItsSavedImplementation() {
        framework.settle(); // an API refresh, say: the slot comes back after the start, both services too
        framework.register(originalBundle, "greeter", "1.0.0");
        ServiceReference<Object> patch = framework.register(patchBundle, "greeter", "1.0.1");

        assertSame(framework.implementation(patch), framework.slot().active());
        assertEquals("restored, not decided", List.of(), framework.ledger.entries());
    }
}
