package io.patchbay.itest;

import static org.junit.Assert.assertEquals;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.List;
import org.junit.Test;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;

/**
 * Apply hands a patch's registration to the slot it was asked for, and only that one: the fixture patch
 * io.patchbay.fixture.services 1.0.1 registers services for four slots (its components register in the order
 * reporter, greeter, premium, counter), and applying it to premium changes premium alone, whether a service
 * registers before or after the one apply waits for. A fresh container: no earlier test installed the patch.
 */
public class PatchHandOffIT extends ContainerTest {

    private static final String PATCH = System.getProperty("patchbay.fixture.servicespatch");
    private static final String ORIGINAL = "io.patchbay.fixture.services/1.0.0";

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Override
    protected List<Option> extras() {
        return List.of(CoreOptions.frameworkProperty("patchbay.managed.interfaces")
                .value("io.patchbay.fixture.services.api.Greeter"),
                CoreOptions.bundle(Container.fixture("services").toURI().toString()));
    }

    @Test
    public void applyingAPatchOfFourSlotsToOneChangesThatOneOnly() {
        manager.applyTo("premium", PATCH, "premium fix", "itest");

        assertEquals("io.patchbay.fixture.services/1.0.1", manager.slot("premium").active.id);
        for (String other : List.of("reporter", "greeter", "counter")) {
            assertEquals(other + " keeps its implementation; the patch's is a standby", ORIGINAL,
                    manager.slot(other).active.id);
        }
        List<String> applied = manager.history(null).stream().filter(e -> "apply".equals(e.action))
                .map((LedgerEntryDTO e) -> e.slot).toList();
        assertEquals(List.of("com.example.pricing.api.PriceService@1.0.0#premium"), applied);
    }
}
