package io.patchbay.core.tracking;

import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * Apply's hand-off is keyed by bundle and slot: a bundle that registers services for several slots hands apply the
 * one registration of the slot apply is for, in whatever order its services register; the others are left to be
 * placed as usual (standbys).
 */
public class ExpectationsTest {

    private final Expectations expectations = new Expectations();
    private final Slot standard = new Slot(List.of(Greeting.class), "standard", "1.0.0", () -> 200);
    private final Slot premium = new Slot(List.of(Greeting.class), "premium", "1.0.0", () -> 200);
    private final Slot other = new Slot(List.of(Supplier.class), "premium", "1.0.0", () -> 200);
    private final Bundle bundle = Stubs.bundle(7, "prices", "1.0.1");

    @Test
    public void aRestartingHostHandsOverOnlyTheSlotBeingPatched() {
        Expectations.Expectation expected = expectations.expect(bundle, premium, List.of(premium), true);

        assertNull("the host's other slot registers first: not apply's", expectations.claim(bundle,
                Greeting.class, standard, false));
        assertTrue("still waiting for premium", expectations.expects(bundle));
        assertSame(expected, expectations.claim(bundle, Greeting.class, premium, false));
    }

    @Test
    public void aPatchOfTwoSlotsOfOneInterfaceHandsOverTheOneAskedFor() {
        Expectations.Expectation expected = expectations.expect(bundle, premium, List.of(premium), false);

        assertNull("its standard service registers first: it belongs to standard, not to premium",
                expectations.claim(bundle, Greeting.class, standard, false));
        assertNull("another interface", expectations.claim(bundle, Supplier.class, other, false));
        assertSame(expected, expectations.claim(bundle, Greeting.class, premium, false));
        assertFalse(expectations.expects(bundle));
    }

    @Test
    public void aPatchServiceWithANameOfItsOwnIsHandedToTheSlotAskedFor() {
        Expectations.Expectation expected = expectations.expect(bundle, premium, List.of(premium), false);

        assertSame("no slot of its own name yet: the operator's choice decides", expected,
                expectations.claim(bundle, Greeting.class, null, false));
    }

    @Test
    public void theSlotAnOperatorNamesOverridesThePatchHeaders() {
        Expectations.Expectation expected = expectations.expect(bundle, standard, List.of(standard), false);

        assertSame("its header says premium, the operator said standard", expected,
                expectations.claim(bundle, Greeting.class, premium, true));
    }

    @Test
    public void amongCandidatesTheRegistrationOfACandidateIsHandedOver() {
        Slot third = new Slot(List.of(Greeting.class), "third", "1.0.0", () -> 200);
        Expectations.Expectation expected = expectations.expect(bundle, null, List.of(standard, premium), false);

        assertNull("a slot of the same interface that is no candidate", expectations.claim(bundle, Greeting.class,
                third, false));
        assertSame(expected, expectations.claim(bundle, Greeting.class, premium, false));
    }
}
