package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The Prometheus scrape endpoint, over real HTTP, read by the format's rules. */
public class MetricsIT extends ContainerTest {

    private static final String PID = "io.patchbay.metrics";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    private ConfigurationAdmin configurations;

    private Http http;

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
        http = new Http(context);
    }

    @After
    public void defaultConfiguration() throws Exception {
        org.osgi.service.cm.Configuration[] left = configurations.listConfigurations("(service.pid=" + PID + ")");
        if (left != null) {
            for (org.osgi.service.cm.Configuration configuration : left) {
                configuration.delete();
            }
        }
        http.await("/metrics", 200, WAIT);
    }

    @Test
    public void callsCountedPerImplementationMoveWithTraffic() {
        PrometheusText before = scrape();
        assertEquals("counter", before.type("patchbay_calls_total"));
        assertEquals("gauge", before.type("patchbay_in_flight"));
        double calls = before.value("patchbay_calls_total", labels(ORIGINAL));
        double errors = before.value("patchbay_errors_total", labels(ORIGINAL));

        for (int i = 0; i < 7; i++) {
            assertEquals(200, http.get("/pricing/quote?sku=WIDGET&qty=10").statusCode());
        }
        // an unknown SKU: the implementation throws, the servlet answers 404
        assertEquals(404, http.get("/pricing/quote?sku=NOSUCH&qty=1").statusCode());

        PrometheusText after = scrape();
        assertEquals(calls + 8, after.value("patchbay_calls_total", labels(ORIGINAL)), 0);
        assertEquals(errors + 1, after.value("patchbay_errors_total", labels(ORIGINAL)), 0);
        assertEquals(0, after.value("patchbay_in_flight", labels(ORIGINAL)), 0);
    }

    @Test
    public void theActiveGaugeMovesOnApplyAndBackOnRevert() {
        PrometheusText before = scrape();
        assertEquals(1, before.value("patchbay_active", labels(ORIGINAL)), 0);
        double applies = before.value("patchbay_switches_total", Map.of("slot", SLOT, "action", "apply"));
        double reverts = before.value("patchbay_switches_total", Map.of("slot", SLOT, "action", "revert"));

        manager.apply(Container.fixPatch().getPath(), "PRICING-42", "itest");
        PrometheusText applied = scrape();
        assertEquals(0, applied.value("patchbay_active", labels(ORIGINAL)), 0);
        assertEquals(1, applied.value("patchbay_active", labels(FIXED)), 0);
        assertEquals(applies + 1, applied.value("patchbay_switches_total", Map.of("slot", SLOT, "action", "apply")), 0);
        assertTrue(http.get("/pricing/quote?sku=WIDGET&qty=10").body().contains("\"total\":90.00"));
        assertEquals(1, scrape().value("patchbay_calls_total", labels(FIXED)), 0);

        manager.revert(SLOT, "back out", "itest");
        PrometheusText reverted = scrape();
        assertEquals(1, reverted.value("patchbay_active", labels(ORIGINAL)), 0);
        assertEquals(0, reverted.value("patchbay_active", labels(FIXED)), 0);
        assertEquals(reverts + 1, reverted.value("patchbay_switches_total", Map.of("slot", SLOT, "action", "revert")), 0);
    }

    @Test
    public void openMetricsWhenTheScraperAsksForItAndTextWhenItAsksForProtobuf() {
        HttpResponse<String> answer = http.get("/metrics", Map.of("Accept",
                "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5"));
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse(""),
                answer.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        assertTrue(answer.body(), answer.body().endsWith("# EOF\n"));

        // what Prometheus sends when it prefers protobuf: the writer for it is not here, so the text format
        HttpResponse<String> text = http.get("/metrics", Map.of("Accept", "application/vnd.google.protobuf;"
                + "proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,text/plain;version=0.0.4;q=0.3"));
        assertEquals("text/plain; version=0.0.4; charset=utf-8", text.headers().firstValue("Content-Type").orElse(null));
        PrometheusText.parse(text.body()).value("patchbay_active", labels(ORIGINAL));
    }

    @Test
    public void theEndpointMovesAndTurnsOffByConfiguration() throws Exception {
        configure(Map.of("prometheus.path", "/internal/metrics"));
        http.await("/internal/metrics", 200, WAIT);
        http.await("/metrics", 404, WAIT);
        PrometheusText.parse(http.get("/internal/metrics").body()).value("patchbay_active", labels(ORIGINAL));

        configure(Map.of("prometheus.enabled", false));
        http.await("/internal/metrics", 404, WAIT);
        assertEquals(404, http.get("/metrics").statusCode());
    }

    @Test
    public void aCanaryShowsBothArmsWhileItRunsAndNothingAfter() {
        io.patchbay.api.dto.CanarySpecDTO spec = new io.patchbay.api.dto.CanarySpecDTO();
        spec.steps = new double[] { 20 };
        spec.minStepMillis = 600_000L;
        manager.canary(null, Container.fixPatch().getPath(), spec, null, "itest");
        try {
            for (int i = 0; i < 50; i++) {
                assertEquals(200, http.get("/pricing/quote?sku=WIDGET&qty=10").statusCode());
            }
            PrometheusText during = scrape();
            assertEquals("gauge", during.type("patchbay_canary_share_ratio"));
            Map<String, String> candidate = Map.of("slot", SLOT, "implementation", FIXED, "arm", "candidate");
            Map<String, String> baseline = Map.of("slot", SLOT, "implementation", ORIGINAL, "arm", "baseline");
            assertEquals(0.2, during.value("patchbay_canary_share_ratio", candidate), 1e-9);
            assertEquals(0.8, during.value("patchbay_canary_share_ratio", baseline), 1e-9);
            double calls = during.value("patchbay_canary_step_calls", candidate)
                    + during.value("patchbay_canary_step_calls", baseline);
            assertEquals(50, calls, 0);
            assertEquals(1, during.value("patchbay_canary_step", Map.of("slot", SLOT)), 0);
        } finally {
            manager.revert(SLOT, null, "itest");
        }
        assertTrue(scrape().samples().stream().noneMatch(sample -> sample.name().startsWith("patchbay_canary")));
    }

    private PrometheusText scrape() {
        HttpResponse<String> answer = http.await("/metrics", 200, WAIT);
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                answer.headers().firstValue("Content-Type").orElse(null));
        return PrometheusText.parse(answer.body());
    }

    private void configure(Map<String, Object> settings) throws Exception {
        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration(PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>(settings);
        configuration.update(properties);
    }

    private static Map<String, String> labels(String implementation) {
        return Map.of("slot", SLOT, "implementation", implementation);
    }
}
