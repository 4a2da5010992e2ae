package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static io.patchbay.itest.Fixtures.SLOT_V2;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.SlotDTO;
import java.time.Duration;
import java.util.List;
import org.junit.Before;
import org.junit.Test;

/** API 1.x and 2.x side by side: two slots, each with its own consumers, patched and reverted independently. */
public class ApiVersionsIT extends ContainerTest {

    private static final String V1 = "/pricing/quote?sku=WIDGET&qty=10";
    private static final String V2 = "/v2/pricing/quote?sku=WIDGET&qty=10&currency=USD";
    private static final String V2_ORIGINAL = "com.example.pricing.impl.v2/2.0.0";
    private static final String V2_PATCHED = "com.example.pricing.impl.v2/2.0.1";

    private Http http;

    @Before
    public void bothServing() throws Exception {
        Fixtures.removePatches(context);
        http = new Http(context);
        http.await(V1, 200, Duration.ofSeconds(20));
        http.await(V2, 200, Duration.ofSeconds(20));
    }

    @Test
    public void twoSlotsEachWithItsOwnConsumers() {
        List<SlotDTO> slots = manager.slots();
        assertEquals(List.of(SLOT, SLOT_V2), slots.stream().map(s -> s.id).toList());
        assertEquals(ORIGINAL, slots.get(0).active.id);
        assertEquals(V2_ORIGINAL, slots.get(1).active.id);
        assertEquals(List.of("com.example.pricing.web"),
                slots.get(0).consumers.stream().map(c -> c.bundleSymbolicName).toList());
        assertEquals(List.of("com.example.pricing.web.v2"),
                slots.get(1).consumers.stream().map(c -> c.bundleSymbolicName).toList());
    }

    @Test
    public void eachVersionIsPatchedAndRevertedWithoutTouchingTheOther() {
        assertAnswers("com.example.pricing.impl 1.0.0", "81.00", "com.example.pricing.impl.v2 2.0.0");

        manager.apply(Container.fixPatch().getPath(), "fix 1.x", "itest");
        assertAnswers("com.example.pricing.impl 1.0.1", "90.00", "com.example.pricing.impl.v2 2.0.0");

        manager.apply(Container.fixture("v2patch").getPath(), "patch 2.x", "itest");
        assertAnswers("com.example.pricing.impl 1.0.1", "90.00", "com.example.pricing.impl.v2 2.0.1");
        assertEquals(V2_PATCHED, manager.slot(SLOT_V2).active.id);

        assertEquals(ORIGINAL, manager.revert(SLOT, "back 1.x", "itest").to);
        assertAnswers("com.example.pricing.impl 1.0.0", "81.00", "com.example.pricing.impl.v2 2.0.1");
        assertEquals(FIXED, manager.slot(SLOT).standby.get(0).id);

        assertEquals(V2_ORIGINAL, manager.revert(SLOT_V2, "back 2.x", "itest").to);
        assertAnswers("com.example.pricing.impl 1.0.0", "81.00", "com.example.pricing.impl.v2 2.0.0");
    }

    @Test
    public void aShortNameThatMatchesBothVersionsIsAmbiguous() {
        String message = org.junit.Assert.assertThrows(io.patchbay.api.PatchException.class,
                () -> manager.revert("PriceService", null, "itest")).getMessage();
        assertEquals("'PriceService' matches 2 slots: " + SLOT + ", " + SLOT_V2 + "; name one of them.", message);
    }

    private void assertAnswers(String v1ServedBy, String v1Total, String v2ServedBy) {
        String v1 = http.get(V1).body();
        assertTrue(v1, v1.contains("\"servedBy\":\"" + v1ServedBy + "\""));
        assertTrue(v1, v1.contains("\"total\":" + v1Total + ","));
        String v2 = http.get(V2).body();
        assertTrue(v2, v2.contains("\"currency\":\"USD\""));
        assertTrue(v2, v2.contains("\"total\":99.00,"));
        assertTrue(v2, v2.contains("\"servedBy\":\"" + v2ServedBy + "\""));
    }
}
