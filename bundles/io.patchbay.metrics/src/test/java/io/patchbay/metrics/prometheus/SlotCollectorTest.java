package io.patchbay.metrics.prometheus;

import static io.patchbay.metrics.ManagerStub.entry;
import static io.patchbay.metrics.ManagerStub.implementation;
import static io.patchbay.metrics.ManagerStub.slot;
import static org.junit.Assert.assertTrue;

import io.patchbay.metrics.ManagerStub;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class SlotCollectorTest {

    private static final String SLOT = "com.example.Api@1.0.0#pricing";

    @Test
    public void everyImplementationOfEverySlotHasItsCountsAndActiveFlag() throws IOException {
        ManagerStub stub = new ManagerStub();
        stub.slots.add(slot(SLOT, implementation("impl/1.0.1", 5, 1, 2), implementation("impl/1.0.0", 40, 3, 0)));
        stub.ledger.add(entry(SLOT, "revert"));
        stub.ledger.add(entry(SLOT, "apply"));
        stub.ledger.add(entry(SLOT, "apply"));
        stub.ledger.add(entry(SLOT, "interrupted"));
        stub.ledger.add(entry("gone@1.0.0#retired", "apply"));

        String text = scrape(stub);

        assertContains(text, "# TYPE patchbay_calls_total counter\n");
        assertContains(text, "patchbay_calls_total{implementation=\"impl/1.0.1\",slot=\"" + SLOT + "\"} 5.0\n");
        assertContains(text, "patchbay_calls_total{implementation=\"impl/1.0.0\",slot=\"" + SLOT + "\"} 40.0\n");
        assertContains(text, "patchbay_errors_total{implementation=\"impl/1.0.0\",slot=\"" + SLOT + "\"} 3.0\n");
        assertContains(text, "# TYPE patchbay_in_flight gauge\n");
        assertContains(text, "patchbay_in_flight{implementation=\"impl/1.0.1\",slot=\"" + SLOT + "\"} 2.0\n");
        assertContains(text, "patchbay_active{implementation=\"impl/1.0.1\",slot=\"" + SLOT + "\"} 1.0\n");
        assertContains(text, "patchbay_active{implementation=\"impl/1.0.0\",slot=\"" + SLOT + "\"} 0.0\n");
        assertContains(text, "patchbay_switches_total{action=\"apply\",slot=\"" + SLOT + "\"} 2.0\n");
        assertContains(text, "patchbay_switches_total{action=\"revert\",slot=\"" + SLOT + "\"} 1.0\n");
        assertContains(text, "patchbay_switches_total{action=\"fallback\",slot=\"" + SLOT + "\"} 0.0\n");
        assertTrue("an interrupted operation is no switch", !text.contains("interrupted"));
        assertTrue("only live slots", !text.contains("retired"));
    }

    @Test
    public void aSlotWithoutAnImplementationStillCountsItsSwitches() throws IOException {
        ManagerStub stub = new ManagerStub();
        stub.slots.add(slot(SLOT, null));
        String text = scrape(stub);
        assertTrue(text, !text.contains("patchbay_calls_total{"));
        assertContains(text, "patchbay_switches_total{action=\"apply\",slot=\"" + SLOT + "\"} 0.0\n");
    }

    private static String scrape(ManagerStub stub) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new SlotCollector(stub.manager()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertContains(String text, String expected) {
        assertTrue("expected\n" + expected + "in\n" + text, text.contains(expected));
    }
}
