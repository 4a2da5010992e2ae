package io.patchbay.core.patch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.FrameworkEvent;

/** Refreshing one host so fragments attach or detach: done, failed or too slow, each said in one sentence. */
public class HostRefreshTest {

    private final FakeBundles framework = new FakeBundles(Path.of("unused"));
    private final FakeBundles.FakeBundle host = framework.add(3, "impl", "1.0.0");
    private final FakeBundles.FakeBundle system = framework.manager();

    @Test
    public void onlyTheHostIsRefreshedAndTheRefreshIsAwaited() {
        system.refreshOutcome = new FrameworkEvent(FrameworkEvent.PACKAGES_REFRESHED, system.bundle, null);
        HostRefresh.refresh(framework.context(), host.bundle, 1_000);
        assertEquals(List.of(host.bundle), system.refreshed);
    }

    @Test
    public void aFailedRefreshIsRefusedWithItsCause() {
        system.refreshOutcome = new FrameworkEvent(FrameworkEvent.ERROR, system.bundle,
                new IllegalStateException("wiring"));
        assertEquals("Refreshing impl failed: java.lang.IllegalStateException: wiring.", refusal());
    }

    @Test
    public void aRefreshThatDoesNotEndInTimeIsRefused() {
        assertEquals("Refreshing impl took longer than 20 ms.", refusal());
    }

    @Test
    public void anInterruptedWaitKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertEquals("Interrupted while refreshing impl.", refusal());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    private String refusal() {
        return assertThrows(PatchException.class, () -> HostRefresh.refresh(framework.context(), host.bundle, 20))
                .getMessage();
    }
}
