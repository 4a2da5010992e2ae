package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.Test;

/** Who belongs to a slot, who it falls back on, when it retires, and what a framework's move leaves to record. */
public class SlotMembershipTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation original = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
    private final Implementation patch = Stubs.implementation(slot, "impl", "1.0.1", (Supplier<String>) () -> "b");

    @Test
    public void onlyTheFirstCallerClaimsThePublication() {
        assertTrue(slot.publication().claim());
        assertFalse(slot.publication().claim());
        assertFalse(slot.publication().claim());
        assertEquals(slot.id(), slot.toString());
    }

    @Test
    public void theRegisteredServicesAreKept() {
        assertNull(slot.publication().registered());
        slot.followActive(); // nothing registered yet: nothing to follow
        int[] followed = { 0 };
        SlotRegistration registered = new SlotRegistration() {
            @Override
            public void follow() {
                followed[0]++;
            }

            @Override
            public void unregister() {
            }
        };
        slot.publication().registered(registered);
        assertSame(registered, slot.publication().registered());
        slot.followActive();
        assertEquals(1, followed[0]);
    }

    @Test
    public void aBundleServesTheSlotWhileItsImplementationIsIn() {
        slot.add(original);
        assertTrue(slot.servedBy(original.bundle()));
        assertFalse(slot.servedBy(patch.bundle()));
        assertTrue(slot.remove(original));
        assertFalse(slot.servedBy(original.bundle()));
        assertFalse("removed once only", slot.remove(original));
        assertTrue(original.gone());
    }

    @Test
    public void removingAnArmDropsTheSplitAndRemovingAnotherKeepsIt() {
        Implementation standby = Stubs.implementation(slot, "impl", "1.0.2", (Supplier<String>) () -> "c");
        slot.add(original);
        slot.add(patch);
        slot.add(standby);
        slot.route(original, false, 1);
        slot.split(Stubs.toCandidate(original, patch));
        slot.remove(standby);
        assertSame("not an arm: the canary goes on", patch, slot.enter());
        patch.exit();
        slot.remove(patch);
        assertNull(slot.split());
        assertSame(original, slot.enter());
        original.exit();
    }

    @Test
    public void aSplitToAnArmThatLeftIsRefused() {
        slot.add(original);
        slot.add(patch);
        slot.route(original, false, 1);
        slot.remove(patch);
        slot.split(Stubs.toCandidate(original, patch));
        assertNull(slot.split());
    }

    @Test
    public void anEmptySlotRetiresOnceAndThenTakesNoImplementation() {
        slot.add(original);
        assertFalse("it has an implementation", slot.retireIfEmpty());
        assertFalse(slot.retired());
        slot.remove(original);
        assertTrue(slot.retireIfEmpty());
        assertTrue(slot.retired());
        assertFalse("the first time only", slot.retireIfEmpty());
        assertFalse(slot.add(patch));
        assertEquals(List.of(), slot.implementations());
    }

    @Test
    public void withoutARevertTargetTheFallbackIsAnotherImplementationThanTheActiveOne() {
        slot.add(original);
        slot.add(patch);
        slot.route(original, false, 1);
        assertEquals(Optional.of(patch), slot.fallback());
        slot.route(patch, false, 2);
        assertEquals(Optional.of(original), slot.fallback());
        slot.remove(original);
        assertEquals(Optional.empty(), slot.fallback());
    }

    @Test
    public void aRouteToAnImplementationThatLeftIsRefusedAndChangesNothing() {
        slot.add(original);
        slot.add(patch);
        slot.route(original, false, 1);
        slot.remove(patch);
        assertThrows(ImplementationGone.class, () -> slot.route(patch, true, 2));
        assertSame(original, slot.active());
        assertEquals(List.of(), slot.previous());
    }

    @Test
    public void leavingTheRouteMarksWhenTheImplementationWentIdle() {
        slot.add(original);
        slot.add(patch);
        slot.route(original, false, 5);
        assertEquals(5, original.activeSince());
        slot.route(patch, true, 9);
        assertEquals(9, original.idleSince());
        assertEquals(9, patch.activeSince());
        slot.route(patch, false, 12);
        assertEquals("routing to the active one again does not idle it", 9, original.idleSince());
        assertEquals(12, patch.activeSince());
    }

    @Test
    public void aFallbackRoutesOnlyFromTheRouteItChoseFromAndIsTakenOnce() {
        slot.add(original);
        slot.add(patch);
        slot.route(original, false, 1);
        assertFalse("the route moved since", slot.routeIf(patch, original, Fallback.because("x went away"), 2));
        assertSame(original, slot.active());
        assertEquals(List.of(), slot.takeUnrecorded());

        assertTrue(slot.routeIf(original, patch, Fallback.because("impl/1.0.0 went away"), 3));
        assertSame(patch, slot.active());
        List<Fallback> taken = slot.takeUnrecorded();
        assertEquals(1, taken.size());
        assertEquals("impl/1.0.0 went away", taken.get(0).reason());
        assertEquals("impl/1.0.0", taken.get(0).from());
        assertEquals("impl/1.0.1", taken.get(0).to());
        assertEquals("taken, so recorded once", List.of(), slot.takeUnrecorded());
    }

    @Test
    public void aRestoreReplacesTheRevertStackAndAddsToTheKnown() {
        slot.add(original);
        slot.add(patch);
        slot.route(original, false, 1);
        slot.route(patch, true, 2);
        slot.restore("impl/2.0.0", List.of("impl/1.0.1"), Set.of("impl/2.0.0"));
        assertEquals(List.of("impl/1.0.1"), slot.previous());
        assertEquals(Set.of("impl/1.0.0", "impl/1.0.1", "impl/2.0.0"), slot.known());
        slot.stopAwaiting();
        assertNull(slot.awaiting());
    }

    @Test
    public void theCurrentIdIsTheDepartedOneWhileCallsWaitForItsReturn() {
        slot.add(original);
        slot.route(original, false, 1);
        slot.route(null, false, 2);
        assertNull(slot.active());
        assertEquals("impl/1.0.0", slot.currentId());
        slot.route(original, false, 3);
        assertEquals("impl/1.0.0", slot.currentId());
    }
}
