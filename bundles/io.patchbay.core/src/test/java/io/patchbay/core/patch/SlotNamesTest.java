package io.patchbay.core.patch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.UnknownSlotException;
import io.patchbay.core.slot.Slot;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.Test;

public class SlotNamesTest {

    private final Slot supplier1 = new Slot(Supplier.class, "1.0.0", () -> 0);
    private final Slot supplier2 = new Slot(Supplier.class, "2.0.0", () -> 0);
    private final Slot function = new Slot(Function.class, "1.0.0", () -> 0);
    private final List<Slot> slots = List.of(function, supplier1, supplier2);

    {
        // numbered as the slot table numbers them, in order of creation, not of the list
        supplier1.publication().number(1);
        supplier2.publication().number(2);
        function.publication().number(4); // 3 retired
    }

    @Test
    public void findsByIdNumberOrUniqueSuffix() {
        assertSame(supplier2, SlotNames.find(slots, "java.util.function.Supplier@2.0.0"));
        assertSame(supplier1, SlotNames.find(slots, "1"));
        assertSame(function, SlotNames.find(slots, "4"));
        assertSame(function, SlotNames.find(slots, "Function"));
        assertSame(supplier1, SlotNames.find(slots, "Supplier@1.0.0#default"));
    }

    @Test
    public void ambiguousAndUnknownNamesListTheCandidates() {
        assertEquals("'Supplier' matches 2 slots: java.util.function.Supplier@1.0.0#default, "
                + "java.util.function.Supplier@2.0.0#default; name one of them.",
                assertThrows(UnknownSlotException.class, () -> SlotNames.find(slots, "Supplier")).getMessage());
        assertEquals("There is no slot number 99999999999; the numbers are 4, 1, 2.",
                assertThrows(UnknownSlotException.class, () -> SlotNames.find(slots, "99999999999")).getMessage());
        assertEquals("There is no slot number 3; the numbers are 4, 1, 2.",
                assertThrows(UnknownSlotException.class, () -> SlotNames.find(slots, "3")).getMessage());
        assertEquals("No slot matches 'Nope'; the slots are: java.util.function.Function@1.0.0#default, "
                + "java.util.function.Supplier@1.0.0#default, java.util.function.Supplier@2.0.0#default.",
                assertThrows(UnknownSlotException.class, () -> SlotNames.find(slots, "Nope")).getMessage());
    }
}
