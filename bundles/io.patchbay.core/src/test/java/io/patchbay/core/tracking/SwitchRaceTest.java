package io.patchbay.core.tracking;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.ImplementationGone;
import io.patchbay.core.slot.Rerouting;
import io.patchbay.core.slot.Slot;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.core.store.CrashPoints;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A switch chooses its target, then routes to it; the target's service can be unregistered in between. The route
 * must never end on it: those calls would go, for good, to an object that has gone. Each test stops the switch
 * between its choice and its route (by taking the steps itself, or through the hook the manager's own fallbacks
 * call), unregisters the chosen implementation there, then lets the switch go on.
 */
public class SwitchRaceTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private FakeFramework.FakeBundle originalBundle;
    private FakeFramework.FakeBundle patchBundle;
    private FakeFramework.FakeBundle secondBundle;

    private ServiceReference<Object> original;
    private ServiceReference<Object> patch;

    private void start() {
        framework = new FakeFramework(folder.getRoot().toPath());
        originalBundle = framework.install("greeter", "1.0.0");
        patchBundle = framework.install("greeter", "1.0.1");
        secondBundle = framework.install("greeter", "1.0.2");
    }

    @After
    public void noHook() {
        Rerouting.chosen = next -> {
        };
        CrashPoints.observer = (action, step) -> {
        };
    }

    @Test
    public void aRevertToAnImplementationUnregisteredAfterItWasChosenChangesNothing() {
        Slot slot = patched();

        Implementation target = slot.revertTarget().orElseThrow(); // what revert chose: the original
        originalBundle.state = Bundle.STOPPING;
        framework.unregister(original); // ... then the original went away, before revert routed to it

        ImplementationGone refused = assertThrows(ImplementationGone.class,
                () -> framework.switcher.change(slot, target, change("revert", false)));
        assertEquals("greeter/1.0.0 went away before " + slot.id() + " could switch to it; nothing changed.",
                refused.getMessage());
        assertSame("the route stays on the patch, which is still there", framework.implementation(patch),
                slot.active());
        assertEquals(List.of("apply"), actions());
        assertEquals("no intent left for the next start to resolve", List.of(), framework.intents.pending());
        assertFalse(framework.intents.inProgress(slot.id()));
    }

    @Test
    public void aFallbackWhoseChoiceIsUnregisteredBeforeTheRouteChoosesAgain() {
        start();
        ServiceReference<Object> original = framework.register(originalBundle, "greeter", "1.0.0");
        ServiceReference<Object> patch = framework.register(patchBundle, "greeter", "1.0.1");
        ServiceReference<Object> second = framework.register(secondBundle, "greeter", "1.0.2");
        Slot slot = framework.slot();
        assertSame(framework.implementation(original), slot.active());
        unregisterWhenChosen(patch, patchBundle); // the first fallback for the original is the patch

        originalBundle.state = Bundle.STOPPING;
        framework.unregister(original);

        assertSame("the route is on the one implementation left", framework.implementation(second),
                slot.active());
        assertTrue(slot.implementations().contains(slot.active()));
        assertEquals("one fallback recorded, to the one left", List.of("greeter/1.0.2"),
                framework.ledger.entries().stream().map(e -> e.to).toList());
    }

    @Test
    public void aFallbackToWhereARevertWasGoingIsRecordedOnceAndTheRevertChangesNothing() throws Exception {
        Slot slot = patched();
        Implementation target = slot.revertTarget().orElseThrow(); // what revert chose: the original
        CrashPoints.observer = (action, step) -> { // its intent is written; then the patch goes away
            if (action.equals("revert") && step.equals("intent") && patchBundle.state != Bundle.STOPPING) {
                patchBundle.state = Bundle.STOPPING;
                framework.unregister(patch); // the framework falls back to the original, in memory
            }
        };

        ChangeDTO reverted = framework.switcher.change(slot, target, change("revert", false));
        assertTrue(framework.owner.awaitQueued(10, TimeUnit.SECONDS));

        assertFalse("the fallback did it: " + reverted.message, reverted.changed);
        assertEquals("greeter/1.0.0 already serves " + slot.id() + "; nothing changed.", reverted.message);
        assertSame(framework.implementation(original), slot.active());
        assertEquals("newest first: the fallback once, no revert from the original to itself",
                List.of("fallback", "apply"), actions());
        assertFalse(framework.intents.inProgress(slot.id()));
    }

    /** The original and a patch registered, the patch applied. */
    private Slot patched() {
        start();
        original = framework.register(originalBundle, "greeter", "1.0.0");
        patch = framework.register(patchBundle, "greeter", "1.0.1");
        Slot slot = framework.slot();
        framework.switcher.change(slot, framework.implementation(patch), change("apply", true));
        return slot;
    }

    /** The next time a fallback chooses {@code reference}'s implementation, it is unregistered before the route. */
    private void unregisterWhenChosen(ServiceReference<Object> reference, FakeFramework.FakeBundle bundle) {
        Implementation victim = framework.implementation(reference);
        Rerouting.chosen = new Consumer<>() {
            private boolean done;

            @Override
            public void accept(Implementation next) {
                if (next == victim && !done) {
                    done = true;
                    bundle.state = Bundle.STOPPING;
                    framework.unregister(reference);
                }
            }
        };
    }

    private List<String> actions() {
        return framework.ledger.entries().stream().map((LedgerEntryDTO e) -> e.action).toList();
    }

    private static Switcher.Change change(String action, boolean remember) {
        return new Switcher.Change(action, "test", null, null, remember);
    }
}
