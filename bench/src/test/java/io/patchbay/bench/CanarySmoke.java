package io.patchbay.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.bench.report.Report;
import io.patchbay.bench.report.Section;
import java.util.List;
import java.util.Map;

/**
 * What the smoke run's canary part must show (issue 12): every call-cost row measured (the benchmarks themselves
 * fail the run if a split sends the wrong share to the candidate, a call without its key, or the canary ends), every
 * candidate failing on 5 % or 50 % of its calls reverted in every simulated canary, some healthy ones promoted, and
 * at every time scale every slow candidate reverted and no healthy one.
 */
final class CanarySmoke {

    private CanarySmoke() {
    }

    static void check(Report report) {
        List<?> costs = results(report, "canaryCallCost");
        assertEquals("call-cost rows", 12, costs.size());
        for (Object item : costs) {
            Map<?, ?> row = (Map<?, ?>) item;
            double ns = ((Number) row.get("nsPerCall")).doubleValue();
            assertTrue(row.get("benchmark") + " measured: " + ns, ns > 0 && Double.isFinite(ns));
            assertTrue(row.get("benchmark") + " has its allocation",
                    !Double.isNaN(((Number) row.get("bytesPerCall")).doubleValue()));
        }
        for (Object item : results(report, "canaryDetection")) {
            Map<?, ?> row = (Map<?, ?>) item;
            double errors = ((Number) row.get("candidateErrorRate")).doubleValue();
            if (errors >= 0.05) {
                assertEquals(row.get("scenario") + " reverted", ((Number) row.get("canaries")).longValue(),
                        ((Number) row.get("reverted")).longValue());
            }
        }
        long promoted = 0;
        for (Object item : results(report, "canaryFalseReverts")) {
            Map<?, ?> outcomes = (Map<?, ?>) ((Map<?, ?>) item).get("outcomes");
            promoted += outcomes.containsKey("promoted") ? ((Number) outcomes.get("promoted")).longValue() : 0;
        }
        assertTrue("some healthy canaries promoted", promoted > 0);
        assertEquals("one row per time scale", 4, report.section("canaryTimeScales").orElseThrow().table().rows().size());
        for (Object item : results(report, "canaryTimeScales")) {
            Map<?, ?> row = (Map<?, ?>) item;
            if (row.containsKey("reverted")) { // a slow candidate: caught at every scale
                assertEquals(row.get("scenario") + " reverted", ((Number) row.get("canaries")).longValue(),
                        ((Number) row.get("reverted")).longValue());
            } else {
                assertEquals(row.get("scenario") + " not reverted", 0, ((Number) row.get("falseReverts")).longValue());
            }
        }
        assertEquals(2, results(report, "canaryQuietSlot").size());
    }

    private static List<?> results(Report report, String key) {
        Section section = report.section(key).orElseThrow(() -> new AssertionError("no section " + key));
        return (List<?>) section.data().get("results");
    }
}
