package io.patchbay.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.store.LedgerIntegrity;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** The manager's answers about patches and implementations: is it applied, which one is meant, can I trust it. */
public class PatchStatusTest {

    private final FakeBundles framework = new FakeBundles(Path.of("unused"));
    private final Slot prices = new Slot(Supplier.class, "1.0.0", () -> 0);
    private final Slot quotes = new Slot(Function.class, "1.0.0", () -> 0);
    private final FakeBundles.FakeBundle original = framework.add(3, "impl", "1.0.0");
    private final FakeBundles.FakeBundle fix = framework.add(4, "impl.fix", "1.0.1");
    private final Implementation originalPrices = FakeBundles.implementation(prices, original);
    private final Implementation fixPrices = FakeBundles.implementation(prices, fix);

    @Test
    public void aPatchActiveInASlotIsApplied() {
        prices.route(fixPrices, false, 1);
        PatchStatusDTO status = PatchStatus.of(" impl.fix ", bundles(), List.of(prices, quotes));
        assertEquals(" impl.fix ", status.patch);
        assertTrue(status.installed);
        assertTrue(status.applied);
        assertEquals(List.of(prices.id()), status.slots);
        assertEquals("impl.fix is applied: active in " + prices.id() + ".", status.message);
        assertTrue(PatchStatus.of("impl.fix/1.0.1", bundles(), List.of(prices)).applied);
        assertTrue(PatchStatus.of("4", bundles(), List.of(prices)).applied);
    }

    @Test
    public void anInstalledPatchActiveNowhereIsOnlyInstalled() {
        prices.route(originalPrices, false, 1);
        PatchStatusDTO status = PatchStatus.of("impl.fix", bundles(), List.of(prices, quotes));
        assertTrue(status.installed);
        assertFalse(status.applied);
        assertEquals(List.of(), status.slots);
        assertEquals("impl.fix is installed but not applied: it is active in no slot.", status.message);
    }

    @Test
    public void anUnknownPatchIsNotInstalled() {
        PatchStatusDTO status = PatchStatus.of(null, bundles(), List.of(prices, quotes));
        assertNull(status.patch);
        assertFalse(status.installed);
        assertFalse(status.applied);
        assertEquals(" is not installed.", status.message);
        assertEquals("nope is not installed.", PatchStatus.of("nope", bundles(), List.of(prices)).message);
    }

    @Test
    public void anImplementationIsFoundByIdNameBundleIdOrServiceId() {
        assertSame(fixPrices, Implementations.find(prices, " impl.fix/1.0.1 "));
        assertSame(fixPrices, Implementations.find(prices, "impl.fix"));
        assertSame(fixPrices, Implementations.find(prices, "4"));
        assertSame(originalPrices, Implementations.find(prices, "30"));
    }

    @Test
    public void anUnknownMissingOrAmbiguousImplementationIsOneSentence() {
        assertEquals("Name an implementation of " + prices.id() + ": impl/1.0.0, impl.fix/1.0.1.", refused(" "));
        assertEquals("Name an implementation of " + prices.id() + ": impl/1.0.0, impl.fix/1.0.1.", refused(null));
        assertEquals(prices.id() + " has no implementation 'no.such/9'; it has impl/1.0.0, impl.fix/1.0.1.",
                refused("no.such/9"));
        FakeBundles.implementation(prices, framework.add(7, "impl", "1.0.2"));
        assertEquals("'impl' matches impl/1.0.0, impl/1.0.2 in " + prices.id() + "; name one by name/version.",
                refused("impl"));
    }

    @Test
    public void theSlotOfAStandbyIsTheOneSlotThatHasIt() {
        FakeBundles.implementation(quotes, original);
        assertSame(prices, Implementations.slotOf(List.of(prices, quotes), "impl.fix/1.0.1"));
        assertSame(prices, Implementations.slotOf(List.of(prices, quotes), "impl.fix"));
        assertEquals("No slot has an implementation 'nope'.", assertThrows(PatchException.class,
                () -> Implementations.slotOf(List.of(prices, quotes), "nope")).getMessage());
        assertEquals("'impl/1.0.0' serves 2 slots (" + prices.id() + ", " + quotes.id() + "); name the slot.",
                assertThrows(PatchException.class,
                        () -> Implementations.slotOf(List.of(prices, quotes), "impl/1.0.0")).getMessage());
    }

    @Test
    public void theManagersStatusSaysWhetherItsLedgerAndItsPatchesCanBeTrusted() {
        ManagerStatusDTO plain = ManagerStatus.of(new LedgerIntegrity(true, "The ledger is intact: 1 entry."), null,
                List.of("a warning"));
        assertTrue(plain.ledgerIntact);
        assertEquals("The ledger is intact: 1 entry.", plain.ledger);
        assertFalse(plain.verifying);
        assertEquals("Patches are not verified: no trust store is configured (trust.store), so any well-formed"
                + " patch is applied.", plain.verification);
        assertEquals(List.of("a warning"), plain.warnings);
        ManagerStatusDTO verified = ManagerStatus.of(new LedgerIntegrity(false, "edited"), "/etc/trust.p12",
                List.of());
        assertFalse(verified.ledgerIntact);
        assertTrue(verified.verifying);
        assertEquals("Patches are verified: only jars wholly signed by a certificate of the trust store"
                + " /etc/trust.p12 (trust.store) are applied.", verified.verification);
    }

    private String refused(String name) {
        return assertThrows(PatchException.class, () -> Implementations.find(prices, name)).getMessage();
    }

    private Bundle[] bundles() {
        return framework.context().getBundles();
    }
}
