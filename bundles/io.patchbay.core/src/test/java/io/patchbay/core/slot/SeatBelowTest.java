package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.SlotUnavailableException;
import java.util.function.Supplier;
import org.junit.Test;

/** Where a patch's call into the code it replaces goes: the next one down the route, never the patch itself. */
public class SeatBelowTest {

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation original = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
    private final Implementation patch = Stubs.implementation(slot, "impl", "1.0.1", (Supplier<String>) () -> "b");
    private final Implementation second = Stubs.implementation(slot, "impl", "1.0.2", (Supplier<String>) () -> "c");

    private Implementation below(Implementation caller) {
        Implementation target = new Seat(slot, caller.bundle()).enterBelow();
        target.exit();
        return target;
    }

    @Test
    public void eachPatchOnTheRouteCallsTheOneItReplaced() {
        slot.add(original);
        slot.add(patch);
        slot.add(second);
        slot.route(original, false, 1);
        slot.route(patch, true, 2);
        slot.route(second, true, 3);
        assertSame(patch, below(second));
        assertSame(original, below(patch));
        assertEquals(1, patch.calls());
        assertEquals(1, original.calls());
    }

    @Test
    public void aPatchNotOnTheRouteCallsTheActiveOne() {
        slot.add(original);
        slot.add(patch);
        slot.route(original, false, 1);
        assertSame(original, below(patch));
    }

    @Test
    public void theLastOnTheRouteCallsAnyOtherImplementation() {
        slot.add(patch);
        slot.add(original);
        slot.route(original, false, 1);
        assertSame("below the original is only the standby", patch, below(original));
    }

    @Test
    public void withNoRouteAPatchCallsAnImplementationOfAnotherBundle() {
        slot.add(patch);
        slot.add(original);
        assertSame(original, below(patch));
    }

    @Test
    public void aPatchAloneInItsSlotHasNothingBelow() {
        slot.add(patch);
        slot.route(patch, false, 1);
        assertEquals("java.util.function.Supplier@1.0.0#default has no implementation for impl to call below itself.",
                assertThrows(SlotUnavailableException.class, () -> below(patch)).getMessage());
    }

    @Test
    public void aSwitchMovesTheCallBelowWithIt() {
        Seat seat = new Seat(slot, second.bundle());
        assertSame(slot, seat.slot());
        slot.add(original);
        slot.add(patch);
        slot.add(second);
        slot.route(original, false, 1);
        slot.route(second, true, 2);
        Implementation first = seat.enterBelow();
        first.exit();
        assertSame(original, first);
        slot.route(patch, true, 3);
        slot.route(second, true, 4);
        Implementation after = seat.enterBelow();
        after.exit();
        assertSame("the route changed: chosen again, not the cached one", patch, after);
    }
}
