package io.patchbay.core.patch;

import static io.patchbay.core.patch.InstalledContentTest.patch;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.Test;
import org.osgi.framework.BundleException;

/** The bundle steps apply shares: find the installed patch, wait for its implementation, undo. */
public class InstallsTest {

    private final FakeBundles framework = new FakeBundles(Path.of("unused"));
    private final Slot prices = new Slot(Supplier.class, "1.0.0", () -> 0);
    private final Slot other = new Slot(Function.class, "1.0.0", () -> 0);
    private final PatchJar fix = patch("impl", "1.0.1", "sum");

    @Test
    public void theInstalledPatchIsTheBundleWithItsNameAndVersion() {
        framework.add(3, "impl", "1.0.0");
        assertNull(Installs.installed(framework.context(), fix));
        FakeBundles.FakeBundle installed = framework.add(4, "impl", "1.0.1");
        assertSame(installed.bundle, Installs.installed(framework.context(), fix));
        assertEquals("patchbay:patch/impl/1.0.1", Installs.location(fix));
    }

    @Test
    public void theImplementationThatArrivesForTheTargetIsTheAnswer() {
        Implementation arrived = FakeBundles.implementation(prices, framework.add(4, "impl", "1.0.1"));
        assertSame(arrived, Installs.await(fix, prices, CompletableFuture.completedFuture(arrived), 10, null));
        assertSame(arrived, Installs.await(fix, null, CompletableFuture.completedFuture(arrived), 10, null));
    }

    @Test
    public void anImplementationOfAnotherSlotIsRefused() {
        Implementation elsewhere = FakeBundles.implementation(other, framework.add(4, "impl", "1.0.1"));
        assertEquals("impl.jar registered an implementation of " + other.id() + ", not of its target "
                + prices.id() + ".", refusal(prices, CompletableFuture.completedFuture(elsewhere), null));
    }

    @Test
    public void noImplementationInTimeIsRefusedWithTheTimeout() {
        assertEquals("impl.jar started but registered no implementation of " + prices.id() + " within 5 ms.",
                refusal(prices, new CompletableFuture<>(), null));
        assertEquals("impl.jar started but registered no implementation of the slots it could patch within 5 ms.",
                refusal(null, new CompletableFuture<>(), null));
        assertEquals("impl.jar was installed but its host impl/1.0.0 registered no implementation of "
                + prices.id() + " within 5 ms.", refusal(prices, new CompletableFuture<>(), "impl/1.0.0"));
    }

    @Test
    public void aFailedRegistrationIsRefusedWithItsCause() {
        CompletableFuture<Implementation> failed = CompletableFuture.failedFuture(
                new IllegalStateException("its activator threw"));
        assertEquals("impl.jar started but its activator threw.", refusal(prices, failed, null));
        assertEquals("impl.jar attached to its host impl/1.0.0 but its activator threw.",
                refusal(prices, failed, "impl/1.0.0"));
    }

    @Test
    public void anInterruptedWaitKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertEquals("Interrupted while waiting for impl.jar to register.",
                    refusal(prices, new CompletableFuture<>(), null));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    public void undoingAnInstallIgnoresABundleAlreadyGone() {
        FakeBundles.FakeBundle installed = framework.add(4, "impl", "1.0.1");
        Installs.uninstall(installed.bundle);
        assertTrue(installed.uninstalled);
        FakeBundles.FakeBundle stuck = framework.add(5, "impl", "1.0.2");
        stuck.uninstallFailure = new BundleException("gone");
        Installs.uninstall(stuck.bundle); // no exception: the undo goes on
        assertFalse(stuck.uninstalled);
    }

    private String refusal(Slot slot, CompletableFuture<Implementation> arrival, String host) {
        return assertThrows(PatchException.class, () -> Installs.await(fix, slot, arrival, 5, host)).getMessage();
    }
}
