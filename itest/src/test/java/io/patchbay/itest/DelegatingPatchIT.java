package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;

import com.example.pricing.api.PriceService;
import com.example.pricing.api.Quote;
import org.junit.Test;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;

/** The example patch that fixes bulk orders and hands every other call to the code it replaces. */
public class DelegatingPatchIT extends ContainerTest {

    private static final String DELEGATE = "com.example.pricing.impl.delegate/1.0.0";

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Test
    public void theFixedCallIsFixedTheOthersDelegateAndApplyRevertApplyAgainWork() {
        PriceService prices = context.getService(context.getServiceReference(PriceService.class));
        String jar = System.getProperty("patchbay.patch.delegate");
        for (int round = 0; round < 2; round++) {
            assertEquals(DELEGATE, manager.apply(jar, "delegating fix", "itest").to);
            Quote bulk = prices.quote("WIDGET", 10);
            assertEquals("90.00", bulk.total().toPlainString());
            assertEquals("com.example.pricing.impl.delegate 1.0.0 via com.example.pricing.impl 1.0.0",
                    bulk.servedBy());
            Quote small = prices.quote("WIDGET", 2);
            assertEquals("delegated as it is", "com.example.pricing.impl 1.0.0", small.servedBy());
            assertEquals("20.00", small.total().toPlainString());

            assertEquals(ORIGINAL, manager.revert(SLOT, "back", "itest").to);
            assertEquals("81.00", prices.quote("WIDGET", 10).total().toPlainString());
        }
    }
}
