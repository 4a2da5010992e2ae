package io.patchbay.core;

import static org.junit.Assert.assertEquals;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** The surprises patch:status warns of: a shadowed newer release, an idle standby, a patch that fails more. */
public class StatusWarningsTest {

    private static final Rejections NONE = Rejections.of(java.util.List.of());

    private static final long DAY = 24L * 3600 * 1000;

    private final FakeBundles framework = new FakeBundles(Path.of("unused"));
    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 0);
    private final FakeBundles.FakeBundle original = framework.add(3, "impl", "1.0.0");
    private final FakeBundles.FakeBundle fix = framework.add(4, "impl", "1.0.1");

    @Test
    public void anAgeIsItsLargestWholeUnit() {
        assertEquals("0 seconds", StatusWarnings.age(-5));
        assertEquals("0 seconds", StatusWarnings.age(999));
        assertEquals("1 second", StatusWarnings.age(1000));
        assertEquals("59 seconds", StatusWarnings.age(59_999));
        assertEquals("1 minute", StatusWarnings.age(60_000));
        assertEquals("59 minutes", StatusWarnings.age(3_599_999));
        assertEquals("1 hour", StatusWarnings.age(3_600_000));
        assertEquals("23 hours", StatusWarnings.age(DAY - 1));
        assertEquals("1 day", StatusWarnings.age(DAY));
        assertEquals("7 days", StatusWarnings.age(7 * DAY + 5));
    }

    @Test
    public void aNewerReleaseTheSlotNeverRanIsShadowedByTheSavedRoute() {
        Implementation active = activate(FakeBundles.implementation(slot, original));
        framework.add(5, "impl", "1.0.2");
        framework.add(6, "impl", "1.0.3");
        framework.add(7, "other", "9.0.0");
        framework.add(8, "impl", "0.9.0");
        assertEquals(Optional.of(slot.id() + " keeps impl/1.0.0 (its saved route) although impl/1.0.3, a newer"
                + " version of the same bundle, is installed (bundle 6): activate it if it is meant to replace the"
                + " patch."), StatusWarnings.shadowed(slot, active, bundles(), NONE));
    }

    @Test
    public void aNewerReleaseTheSlotRanOrThatIsUninstalledIsNoSurprise() {
        Implementation patch = FakeBundles.implementation(slot, fix);
        activate(patch);
        Implementation active = activate(FakeBundles.implementation(slot, original)); // reverted on purpose
        assertEquals(Optional.empty(), StatusWarnings.shadowed(slot, active, bundles(), NONE));
        Slot hosted = new Slot(Supplier.class, "3.0.0", () -> 0);
        Implementation host = FakeBundles.implementation(hosted, original);
        hosted.route(host, false, 1);
        hosted.restore("impl/1.0.0", List.of(), java.util.Set.of("impl/1.0.0", "impl/1.0.1+frag/1.0.0"));
        assertEquals("ran as a fragment's host", Optional.empty(),
                StatusWarnings.shadowed(hosted, host, bundles(), NONE));
        fix.state = Bundle.UNINSTALLED;
        assertEquals(Optional.empty(), StatusWarnings.shadowed(slot, active, bundles(), NONE));
    }

    @Test
    public void aStandbyIdleForLongerThanTheLimitIsNamed() {
        activate(FakeBundles.implementation(slot, original));
        Implementation standby = FakeBundles.implementation(slot, fix);
        long since = standby.idleSince();
        assertEquals(Optional.empty(), StatusWarnings.idle(slot, standby, DAY, since + DAY));
        assertEquals(Optional.of("impl/1.0.1 has been an idle standby of " + slot.id() + " for 1 day"
                + " (standby.idle.warn.ms is 1 day): uninstall it if no revert will need it."),
                StatusWarnings.idle(slot, standby, DAY, since + DAY + 1));
        fix.lastModified = since + 2 * DAY;
        assertEquals("installed again since", Optional.empty(),
                StatusWarnings.idle(slot, standby, DAY, since + 2 * DAY + DAY));
        List<String> warnings = StatusWarnings.of(List.of(slot), bundles(), NONE, DAY, since + 4 * DAY);
        assertEquals(2, warnings.size());
        assertEquals(StatusWarnings.shadowed(slot, slot.active(), bundles(), NONE).get(), warnings.get(0));
        assertEquals(StatusWarnings.idle(slot, standby, DAY, since + 4 * DAY).get(), warnings.get(1));
        assertEquals("0 turns the warning off", warnings.subList(0, 1),
                StatusWarnings.of(List.of(slot), bundles(), NONE, 0, since + 4 * DAY));
    }

    @Test
    public void theActiveAndAStandbyThatIsCalledAreNotIdle() {
        Implementation active = activate(FakeBundles.implementation(slot, original));
        Implementation standby = FakeBundles.implementation(slot, fix);
        assertEquals(Optional.empty(), StatusWarnings.idle(slot, active, 1, Long.MAX_VALUE / 2));
        standby.exit(); // a patch calling the code it replaces
        assertEquals(Optional.empty(), StatusWarnings.idle(slot, standby, 1, Long.MAX_VALUE / 2));
    }

    @Test
    public void aPatchFailingMoreThanWhatItReplacedIsNamedOnceBothHadEnoughCalls() {
        Implementation before = activate(FakeBundles.implementation(slot, original));
        calls(before, 99, 1);
        Implementation active = FakeBundles.implementation(slot, fix);
        slot.route(active, true, 2);
        calls(active, 0, 9);
        assertEquals("too few calls", Optional.empty(), StatusWarnings.failingMore(slot, active));
        calls(active, 1, 0);
        assertEquals(Optional.of(slot.id() + "'s active impl/1.0.1 fails more than impl/1.0.0 did: 9 of 10 calls"
                + " (90.00 %) against 1 of 100 (1.00 %); revert if this is the patch's doing."),
                StatusWarnings.failingMore(slot, active));
        fix.state = Bundle.UNINSTALLED; // no shadowed warning beside it
        assertEquals(List.of(StatusWarnings.failingMore(slot, active).get()),
                StatusWarnings.of(List.of(slot), bundles(), NONE, 0, 0));
    }

    @Test
    public void aPatchFailingAsOftenOrWithoutARevertTargetIsNotNamed() {
        Implementation before = activate(FakeBundles.implementation(slot, original));
        assertEquals("nothing to revert to", Optional.empty(), StatusWarnings.failingMore(slot, before));
        calls(before, 10, 1);
        Implementation active = FakeBundles.implementation(slot, fix);
        slot.route(active, true, 2);
        calls(active, 20, 2);
        assertEquals("the same rate", Optional.empty(), StatusWarnings.failingMore(slot, active));
        calls(active, 0, 1);
        assertEquals(1, StatusWarnings.failingMore(slot, active).stream().count());
        Implementation fewBefore = FakeBundles.implementation(new Slot(Supplier.class, "2.0.0", () -> 0),
                framework.add(9, "x", "1.0.0"));
        assertEquals(Optional.empty(), StatusWarnings.failingMore(fewBefore.slot(), fewBefore));
    }

    private Implementation activate(Implementation implementation) {
        slot.route(implementation, false, 1);
        return implementation;
    }

    private static void calls(Implementation implementation, int good, int failed) {
        for (int i = 0; i < good; i++) {
            implementation.exit();
        }
        for (int i = 0; i < failed; i++) {
            implementation.fail(new IllegalStateException());
        }
    }

    private Bundle[] bundles() {
        return framework.context().getBundles();
    }
}
