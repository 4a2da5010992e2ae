package io.patchbay.core.tracking;

import io.patchbay.core.slot.Slot;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.ServiceReference;

/**
 * A restart never decides a route: a patch bundle installed by apply for another slot also registers a service of
 * this slot, which never had a saved route. The patch starts first (at the manager's level); the slot must still
 * go to the application's own implementation, not to the first that came.
 */
public class UnsavedSlotRestartTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private FakeFramework.FakeBundle applicationBundle;
    private FakeFramework.FakeBundle patchBundle;

    @Before
    public void restart() {
        framework = new FakeFramework(folder.getRoot().toPath());
        applicationBundle = framework.install("greeter", "1.0.0");
        patchBundle = framework.install("greeter", "1.0.1");
        patchBundle.location = "patchbay:patch/greeter/1.0.1";
    }

    @Test
    public void theApplicationsOwnImplementationServesThoughThePatchRegisteredFirst() {
        ServiceReference<Object> patch = framework.register(patchBundle, "greeter", "1.0.1");
        Slot slot = framework.slot();
        assertNull("the patch applied elsewhere does not take the slot during the start", slot.active());
        ServiceReference<Object> own = framework.register(applicationBundle, "greeter", "1.0.0");
        assertSame(framework.implementation(own), slot.active());

        framework.settle();

        assertSame("still the application's own", framework.implementation(own), slot.active());
        assertSame(framework.implementation(patch).slot(), slot);
    }

    @Test
    public void whenOnlyThePatchCameTheStartEndsWithItServing() {
        ServiceReference<Object> patch = framework.register(patchBundle, "greeter", "1.0.1");
        Slot slot = framework.slot();

        framework.settle();

        assertSame(framework.implementation(patch), slot.active());
    }
}
