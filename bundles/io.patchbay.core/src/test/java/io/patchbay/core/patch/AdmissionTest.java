package io.patchbay.core.patch;

import static io.patchbay.core.patch.InstalledContentTest.patch;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

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

/** Apply's decisions before it installs anything, as apply and its dry run make them. */
public class AdmissionTest {

    private static final String SUM = "0123456789abcdef";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Slot prices = new Slot(List.of(Supplier.class), "prices", "1.0.0", () -> 0);
    private final Slot quotes = new Slot(List.of(Supplier.class), "quotes", "1.0.0", () -> 0);
    private final List<Slot> freed = new ArrayList<>();

    @Test
    public void aNewPatchWouldBeInstalledForTheSlotItTargets() throws Exception {
        FakeBundles framework = framework();
        prices.route(FakeBundles.implementation(prices, framework.add(3, "impl", "1.0.0")), false, 1);
        Admission.Decision decision = Admission.decide(framework.context(), patch("impl", "1.0.1", SUM), "prices",
                List.of(prices, quotes), freed::add);
        assertSame(prices, decision.target());
        assertEquals(List.of(prices), decision.candidates());
        assertNull(decision.installed());
        assertFalse(decision.applied());
        assertNull(decision.host());
        assertEquals("every candidate is asked whether it is free", List.of(prices), freed);

        Admission.Decision open = Admission.decide(framework.context(), patch("impl", "1.0.1", SUM), null,
                List.of(prices, quotes), freed::add);
        assertNull(open.target());
        assertEquals(List.of(prices, quotes), open.candidates());
        assertEquals(List.of(prices, prices, quotes), freed);
    }

    @Test
    public void anInstalledPatchIsAppliedWhereItRunsAndActivatedWhereItWaits() throws Exception {
        FakeBundles framework = framework();
        BundleContext context = framework.context();
        FakeBundles.FakeBundle fix = framework.add(4, "impl", "1.0.1");
        InstalledChecksums.of(context).record(4, SUM, id -> true);
        prices.route(FakeBundles.implementation(prices, framework.add(3, "impl", "1.0.0")), false, 1);
        FakeBundles.implementation(prices, fix);
        quotes.route(FakeBundles.implementation(quotes, fix), false, 1);

        Admission.Decision standby = Admission.decide(context, patch("impl", "1.0.1", SUM), "prices",
                List.of(prices, quotes), freed::add);
        assertSame(prices, standby.target());
        assertSame(fix.bundle, standby.installed());
        assertFalse(standby.applied());

        Admission.Decision applied = Admission.decide(context, patch("impl", "1.0.1", SUM), "quotes",
                List.of(prices, quotes), freed::add);
        assertSame(quotes, applied.target());
        assertEquals(List.of(quotes), applied.candidates());
        assertTrue(applied.applied());

        Admission.Decision running = Admission.target(context, patch("impl", "1.0.1", "other bytes"), null,
                List.of(prices, quotes));
        assertSame("the slot that runs it", quotes, running.target());
        assertTrue(running.applied());
        assertSame(fix.bundle, running.installed());
        Admission.Decision notRunning = Admission.target(context, patch("impl", "1.0.2", SUM), "prices",
                List.of(prices, quotes));
        assertSame(prices, notRunning.target());
        assertFalse(notRunning.applied());
        assertNull(notRunning.installed());
    }

    @Test
    public void whatApplyRefusesIsRefusedFirst() throws Exception {
        FakeBundles framework = framework();
        framework.add(4, "impl", "1.0.1");
        assertTrue(assertThrows(PatchException.class, () -> Admission.decide(framework.context(),
                patch("impl", "1.0.1", SUM), "prices", List.of(prices), freed::add)).getMessage()
                .contains("not by apply"));
        assertEquals(List.of(), freed);
        PatchException busy = new PatchException("busy");
        assertSame(busy, assertThrows(PatchException.class, () -> Admission.decide(framework.context(),
                patch("impl", "1.0.2", SUM), "prices", List.of(prices), s -> {
                    throw busy;
                })));
    }

    @Test
    public void aPatchThatDoesNotResolveIsExplainedAsApplyExplainsIt() {
        String sentence = Admission.doesNotResolve(patch("impl", "1.0.1", SUM), "missing requirement x.y");
        assertTrue(sentence, sentence.startsWith("impl.jar"));
        assertTrue(sentence, sentence.contains("missing requirement x.y"));
    }

    private FakeBundles framework() throws Exception {
        return new FakeBundles(folder.newFolder("data").toPath());
    }
}
