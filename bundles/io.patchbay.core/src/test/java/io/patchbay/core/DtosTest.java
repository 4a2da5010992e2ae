package io.patchbay.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.SlotDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.Test;

/** A live slot as the DTO every front end shows. */
public class DtosTest {

    private static final Rejections NONE = Rejections.of(java.util.List.of());

    private final FakeBundles framework = new FakeBundles(Path.of("unused"));
    private final Slot slot = new Slot(List.of(Supplier.class, Runnable.class), "prices", "1.2.0", () -> 0);
    private final FakeBundles.FakeBundle original = framework.add(3, "impl", "1.0.0");
    private final FakeBundles.FakeBundle fix = framework.add(4, "impl.fix", "1.0.1")
            .header("Patchbay-Patch", "java.util.function.Supplier").header("Patchbay-Reason", "PRICING-42");

    @Test
    public void aSlotShowsItsActiveImplementationStandbysAndRevertStack() {
        slot.publication().number(7);
        Implementation active = FakeBundles.implementation(slot, original);
        Implementation standby = FakeBundles.implementation(slot, fix);
        slot.route(standby, false, 1);
        slot.route(active, true, 2);
        slot.enter().exit();
        slot.enter().fail(new IllegalStateException());
        slot.enter(); // still running

        SlotDTO dto = Dtos.slot(slot, NONE);
        assertEquals(7, dto.number);
        assertEquals(slot.id(), dto.id);
        assertEquals("prices", dto.name);
        assertEquals(Supplier.class.getName(), dto.interfaceName);
        assertEquals(List.of(Supplier.class.getName(), Runnable.class.getName()), dto.interfaces);
        assertEquals("1.2.0", dto.apiVersion);
        assertEquals("impl/1.0.0", dto.active.id);
        assertEquals("active", dto.active.state);
        assertEquals(2, dto.active.calls);
        assertEquals(1, dto.active.errors);
        assertEquals(1, dto.active.inFlight);
        assertEquals(2, dto.active.activeSince);
        assertEquals(active.scope(), dto.scope);
        assertEquals(List.of("impl.fix/1.0.1"), dto.standby.stream().map(i -> i.id).toList());
        assertEquals("standby", dto.standby.get(0).state);
        assertEquals(List.of(), dto.consumers);
        assertEquals(List.of("impl.fix/1.0.1"), dto.previous);
    }

    @Test
    public void aSlotWithNothingActiveShowsNone() {
        FakeBundles.implementation(slot, fix);
        SlotDTO dto = Dtos.slot(slot, NONE);
        assertNull(dto.active);
        assertNull(dto.scope);
        assertEquals(1, dto.standby.size());
    }

    @Test
    public void anImplementationShowsItsBundleAndWhetherItIsAPatch() {
        ImplementationDTO patch = Dtos.implementation(FakeBundles.implementation(slot, fix), "candidate");
        assertEquals("impl.fix/1.0.1", patch.id);
        assertEquals("candidate", patch.state);
        assertEquals(40L, patch.serviceId);
        assertEquals(4L, patch.bundleId);
        assertEquals("impl.fix", patch.bundleSymbolicName);
        assertEquals("1.0.1", patch.bundleVersion);
        assertTrue(patch.patch);
        assertEquals("PRICING-42", patch.patchReason);

        ImplementationDTO plain = Dtos.implementation(FakeBundles.implementation(slot, original), "standby");
        assertFalse(plain.patch);
        assertNull(plain.patchReason);
    }

    @Test
    public void aConsumerIsItsBundle() {
        io.patchbay.api.dto.ConsumerDTO consumer = Dtos.consumer(original.bundle);
        assertEquals(3, consumer.bundleId);
        assertEquals("impl", consumer.bundleSymbolicName);
        assertEquals("1.0.0", consumer.bundleVersion);
    }
}
