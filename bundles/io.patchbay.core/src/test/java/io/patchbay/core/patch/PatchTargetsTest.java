package io.patchbay.core.patch;

import io.patchbay.core.headers.PatchTarget;

import static io.patchbay.core.patch.InstalledContentTest.fragment;
import static io.patchbay.core.patch.InstalledContentTest.patch;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.Test;
import org.osgi.framework.Version;

/** Which slot a patch is for, and where an installed patch's bundle already stands. */
public class PatchTargetsTest {

    private final FakeBundles framework = new FakeBundles(Path.of("unused"));
    private final Slot prices = new Slot(List.of(Supplier.class), "prices", "1.0.0", () -> 0);
    private final Slot quotes = new Slot(List.of(Supplier.class), "quotes", "1.0.0", () -> 0);
    private final Slot function = new Slot(Function.class, "1.0.0", () -> 0);

    @Test
    public void theSlotTheOperatorNamesIsTheOnlyCandidate() {
        PatchTargets.Choice choice = PatchTargets.choose(patch("p", "1.0.1", "sum"), "quotes",
                List.of(prices, quotes));
        assertSame(quotes, choice.target());
        assertEquals(List.of(quotes), choice.candidates());
        assertEquals(List.of(quotes), PatchTargets.candidates(patch("p", "1.0.1", "sum"), "quotes",
                List.of(prices, quotes)));
    }

    @Test
    public void theOneMatchingSlotIsTheTarget() {
        PatchTargets.Choice choice = PatchTargets.choose(patch("p", "1.0.1", "sum"), " ", List.of(function, prices));
        assertSame(prices, choice.target());
        assertEquals(List.of(prices), choice.candidates());
    }

    @Test
    public void severalSlotsOfOneInterfaceLeaveTheChoiceToTheRegistration() {
        PatchTargets.Choice choice = PatchTargets.choose(patch("p", "1.0.1", "sum"), null,
                List.of(prices, function, quotes));
        assertNull(choice.target());
        assertEquals(List.of(prices, quotes), choice.candidates());
    }

    @Test
    public void aPatchForNoSlotIsRefusedWithWhatItAsksAndTheSlots() {
        PatchJar patch = new PatchJar(Path.of("p.jar"), "p.jar", "p", Version.parseVersion("1.0.1"),
                PatchTarget.parse("a.B;version=\"[1,2)\";slot=x"), null, null, "sum", null);
        PatchException refused = assertThrows(PatchException.class,
                () -> PatchTargets.choose(patch, null, List.of(function)));
        assertEquals("p.jar targets no known slot: it asks for a.B version [1.0.0,2.0.0) slot x and the slots are "
                + function.id() + ".", refused.getMessage());
        assertTrue(assertThrows(PatchException.class, () -> PatchTargets.choose(patch, null, List.of()))
                .getMessage().endsWith("the slots are (none)."));
    }

    @Test
    public void aPatchForSeveralInterfacesMustNameItsSlot() {
        PatchJar patch = new PatchJar(Path.of("p.jar"), "p.jar", "p", Version.parseVersion("1.0.1"),
                PatchTarget.parse("java.util.function.Supplier, java.util.function.Function"), null, null, "sum",
                null);
        PatchException refused = assertThrows(PatchException.class,
                () -> PatchTargets.choose(patch, null, List.of(prices, function)));
        assertEquals("p.jar matches 2 slots (" + prices.id() + ", " + function.id() + "); name one with slot= in"
                + " its Patchbay-Patch header or --slot.", refused.getMessage());
    }

    @Test
    public void aFragmentGoesToTheSlotItsHostServes() {
        FakeBundles.FakeBundle host = framework.add(3, "impl", "1.0.0");
        FakeBundles.FakeBundle other = framework.add(4, "other", "1.0.0");
        prices.route(FakeBundles.implementation(prices, other), false, 1);
        quotes.route(FakeBundles.implementation(quotes, host), false, 1);
        PatchTargets.Choice choice = PatchTargets.choose(fragment("impl.fix", "1.0.1", "impl"), null,
                List.of(prices, quotes));
        assertSame(quotes, choice.target());
        assertEquals(List.of(quotes), choice.candidates());
    }

    @Test
    public void aFragmentWhoseHostServesNoneOfSeveralSlotsIsRefused() {
        PatchException refused = assertThrows(PatchException.class,
                () -> PatchTargets.choose(fragment("impl.fix", "1.0.1", "impl"), null, List.of(prices, quotes)));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("impl.fix.jar matches 2 slots ("));
    }

    @Test
    public void anInstalledPatchIsAppliedWhereItIsActiveAndAStandbyElsewhere() {
        FakeBundles.FakeBundle original = framework.add(3, "impl", "1.0.0");
        FakeBundles.FakeBundle fix = framework.add(4, "impl", "1.0.1");
        FakeBundles.FakeBundle stray = framework.add(5, "impl", "1.0.2");
        prices.route(FakeBundles.implementation(prices, original), false, 1);
        Implementation standby = FakeBundles.implementation(prices, fix);
        quotes.route(FakeBundles.implementation(quotes, fix), false, 1);

        InstalledPatch inPrices = InstalledPatch.find(patch("impl", "1.0.1", "sum"), List.of(prices), fix.bundle);
        assertSame(prices, inPrices.slot());
        assertSame(standby, inPrices.standby());
        assertEquals(false, inPrices.applied());

        InstalledPatch inQuotes = InstalledPatch.find(patch("impl", "1.0.1", "sum"), List.of(quotes, prices),
                fix.bundle);
        assertSame(quotes, inQuotes.slot());
        assertTrue(inQuotes.applied());

        PatchException refused = assertThrows(PatchException.class,
                () -> InstalledPatch.find(patch("impl", "1.0.2", "sum"), List.of(prices, quotes), stray.bundle));
        assertEquals("impl/1.0.2 is already installed (bundle 5) but serves no implementation of " + prices.id()
                + ", " + quotes.id() + "; start it or uninstall it first.", refused.getMessage());
    }

    @Test
    public void anOperationWithNothingToDoAnswersTheRouteAsItIs() {
        FakeBundles.FakeBundle original = framework.add(3, "impl", "1.0.0");
        prices.route(FakeBundles.implementation(prices, original), false, 1);
        io.patchbay.api.dto.ChangeDTO change = Unchanged.of(prices, "Nothing to do.");
        assertEquals(prices.id(), change.slot);
        assertEquals("impl/1.0.0", change.from);
        assertEquals("impl/1.0.0", change.to);
        assertTrue(change.drained);
        assertEquals(false, change.changed);
        assertEquals("Nothing to do.", change.message);
    }
}
