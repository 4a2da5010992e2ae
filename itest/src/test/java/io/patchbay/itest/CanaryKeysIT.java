package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;

import com.example.pricing.api.PriceService;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Scope;
import io.patchbay.api.Routing;
import io.patchbay.api.dto.CanarySpecDTO;
import java.io.File;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;

/**
 * Where a key-split canary's routing key comes from, with the real OpenTelemetry API bundles installed: the explicit
 * {@link Routing#withKey} scope first, then the current Baggage's {@code tenant.id}; no key, the baseline.
 */
public class CanaryKeysIT extends ContainerTest {

    private PriceService prices;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    /** The OpenTelemetry bundles are installed before the patch manager, so that its optional imports wire to them. */
    @Override
    @Configuration
    public Option[] config() {
        return new Option[] {
                composite(bundle(jar("patchbay.otel.common")), bundle(jar("patchbay.otel.context")),
                        bundle(jar("patchbay.otel.api"))),
                Container.options(Container.freePort()) };
    }

    private static String jar(String property) {
        return new File(System.getProperty(property)).toURI().toString();
    }

    @Before
    public void aCanaryForAcme() throws Exception {
        backToTheOriginal();
        prices = context.getService(context.getServiceReference(PriceService.class));
        CanarySpecDTO spec = new CanarySpecDTO();
        spec.split = CanarySpecDTO.CHOSEN_KEYS;
        spec.keys = new String[] { "acme" };
        manager.canary(null, Container.fixPatch().getPath(), spec, null, "itest");
    }

    @After
    public void endIt() throws Exception {
        manager.revert(SLOT, null, "itest");
        Fixtures.removePatches(context);
    }

    @Test
    public void theKeyComesFromTheExplicitScopeThenFromTheBaggage() throws Exception {
        assertEquals("no key", "com.example.pricing.impl 1.0.0", served());
        try (Scope scope = Baggage.builder().put("tenant.id", "acme").build().makeCurrent()) {
            assertEquals("from the baggage", "com.example.pricing.impl 1.0.1", served());
            assertEquals("the explicit scope wins", "com.example.pricing.impl 1.0.0",
                    Routing.withKey("globex", this::served));
        }
        try (Scope scope = Baggage.builder().put("user.id", "nobody").put("patchbay.key", "acme").build()
                .makeCurrent()) {
            assertEquals("patchbay.key comes before user.id", "com.example.pricing.impl 1.0.1", served());
        }
        assertEquals(FIXED, manager.canaries().get(0).candidate);
        assertTrue(manager.canaries().get(0).noKeyCalls >= 1);
    }

    private String served() {
        return prices.quote("WIDGET", 1).servedBy();
    }
}
