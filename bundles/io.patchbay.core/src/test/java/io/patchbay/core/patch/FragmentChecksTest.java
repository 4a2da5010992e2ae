package io.patchbay.core.patch;

import static io.patchbay.core.patch.InstalledContentTest.fragment;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.testing.FakeBundles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;

/** What apply and its dry run check of a fragment patch before installing it: its host, and whether it is on. */
public class FragmentChecksTest {

    private static final String RANGE = "impl;bundle-version=\"[1.0,2.0)\"";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Slot prices = new Slot(List.of(Supplier.class), "prices", "1.0.0", () -> 0);
    private FakeBundles framework;
    private BundleContext context;

    private void start() throws Exception {
        framework = new FakeBundles(folder.newFolder("data").toPath());
        context = framework.context();
    }

    private String refusedHost(PatchJar patch) {
        return assertThrows(PatchException.class, () -> FragmentApply.host(context, patch, prices, prices.active()))
                .getMessage();
    }

    @Test
    public void theHostIsTheSlotsActiveImplementationInTheRangeAsked() throws Exception {
        start();
        FakeBundles.FakeBundle host = framework.add(3, "impl", "1.2.0");
        prices.route(FakeBundles.implementation(prices, host), false, 1);
        assertSame(host.bundle, FragmentApply.host(context, fragment("impl.fix", "1.0.1", "impl"), prices,
                prices.active()));
        assertSame(host.bundle, FragmentApply.host(context, fragment("impl.fix", "1.0.1", RANGE), prices,
                prices.active()));
    }

    @Test
    public void aHostThatIsNotInstalledIsNamedWithItsRange() throws Exception {
        start();
        assertEquals("impl.fix.jar is a fragment of impl [1.0.0,2.0.0), but no such bundle is installed.",
                refusedHost(fragment("impl.fix", "1.0.1", RANGE)));
        framework.add(3, "impl", "2.0.0"); // installed, but outside the range
        assertEquals("impl.fix.jar is a fragment of impl [1.0.0,2.0.0), but no such bundle is installed.",
                refusedHost(fragment("impl.fix", "1.0.1", RANGE)));
    }

    @Test
    public void aHostInstalledButNotActiveInTheSlotIsRefused() throws Exception {
        start();
        framework.add(3, "impl", "1.0.0");
        assertEquals("impl.fix.jar is a fragment of impl, which is not the active implementation of "
                + prices.id() + " (null).", refusedHost(fragment("impl.fix", "1.0.1", "impl")));
        prices.route(FakeBundles.implementation(prices, framework.add(4, "other", "1.0.0")), false, 1);
        assertEquals("impl.fix.jar is a fragment of impl, which is not the active implementation of "
                + prices.id() + " (other/1.0.0).", refusedHost(fragment("impl.fix", "1.0.1", "impl")));
    }

    @Test
    public void anActiveHostOutsideTheRangeIsRefused() throws Exception {
        start();
        FakeBundles.FakeBundle host = framework.add(3, "impl", "2.0.0");
        prices.route(FakeBundles.implementation(prices, host), false, 1);
        framework.add(5, "impl", "1.5.0");
        assertEquals("impl.fix.jar is a fragment of impl [1.0.0,2.0.0), which is not the active implementation of "
                + prices.id() + " (impl/2.0.0).", refusedHost(fragment("impl.fix", "1.0.1", RANGE)));
    }

    @Test
    public void aFragmentInstalledButNotAttachedIsRefusedAndOneNotInstalledIsNotOnYet() throws Exception {
        start();
        FakeBundles.FakeBundle host = framework.add(3, "impl", "1.0.0");
        PatchJar fix = fragment("impl.fix", "1.0.1", "impl");
        assertFalse(FragmentApply.alreadyAttached(context, fix, host.bundle));
        framework.add(4, "impl.fix", "1.0.1");
        assertEquals("impl.fix/1.0.1 is already installed but not attached to impl/1.0.0; uninstall it first.",
                assertThrows(PatchException.class, () -> FragmentApply.alreadyAttached(context, fix, host.bundle))
                        .getMessage());
        assertEquals("impl.fix.jar did not attach to impl/1.0.0; check its Fragment-Host header and its imports"
                + " against the host's.", Admission.doesNotAttach(fix, host.bundle));
    }

    @Test
    public void theDecisionForAFragmentNamesItsHost() throws Exception {
        start();
        FakeBundles.FakeBundle host = framework.add(3, "impl", "1.0.0");
        prices.route(FakeBundles.implementation(prices, host), false, 1);
        List<Slot> freed = new ArrayList<>();
        Admission.Decision decision = Admission.decide(context, fragment("impl.fix", "1.0.1", "impl"), null,
                List.of(prices), freed::add);
        assertSame(prices, decision.target());
        assertSame(host.bundle, decision.host());
        assertFalse(decision.applied());
        assertEquals(List.of(prices), freed);
        Admission.Decision target = Admission.target(context, fragment("impl.fix", "1.0.1", "impl"), null,
                List.of(prices));
        assertSame(host.bundle, target.host());
        assertFalse("not attached", target.applied());
    }

    @Test
    public void aFragmentCannotRunAsACanary() {
        PatchException refused = assertThrows(PatchException.class, () -> new ApplyOperation(null, null, 0)
                .canary(fragment("impl.fix", "1.0.1", "impl"), null, null, "alice", (i, r, c, s, l) -> i));
        assertEquals("impl.fix.jar is a fragment patch: it changes its host bundle for every caller at once, so it"
                + " cannot run beside it as a canary; apply it, or ship the fix as a replacement bundle.",
                refused.getMessage());
    }
}
