package io.patchbay.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.bench.report.Report;
import io.patchbay.bench.report.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The benchmark's smoke run: every part with tiny counts, so that the module keeps working. Asserts that the
 * results are written and that Patchbay lost no call and answered no call with old code, in the swaps and in the
 * fragment patch's host refreshes; the start-up comparison starts the launcher, a bare Felix and Karaf once each.
 */
public class BenchSmokeIT {

    @Test
    public void everyPartRunsAndPatchbayLosesNoCall() throws Exception {
        Path out = Path.of(System.getProperty("patchbay.bench.out", "target/smoke"));
        Report report = Main.run(Profile.smoke(), new LinkedHashSet<>(Main.PARTS), out);

        assertTrue(Files.readString(out.resolve("smoke.md")).contains("## Swap under load"));
        assertTrue(Files.size(out.resolve("smoke.json")) > 0);
        for (String key : List.of("callOverhead", "swapUnderLoad", "swapByConsumer", "swapCompletion", "retirement",
                "scale", "fragment", "startUp", "startUpRatios")) {
            Section section = report.section(key).orElseThrow(() -> new AssertionError("no section " + key));
            assertTrue(key + " has rows", !section.table().rows().isEmpty());
        }

        List<?> swaps = (List<?>) report.section("swapUnderLoad").orElseThrow().data().get("results");
        int patchbayRuns = 0;
        for (Object item : swaps) {
            Map<?, ?> result = (Map<?, ?>) item;
            if (String.valueOf(result.get("way")).startsWith("Patchbay")) {
                patchbayRuns++;
                String where = "Patchbay at " + result.get("threads") + " threads: " + result.get("examples");
                assertEquals(where, 0, result.get("swapErrors"));
                assertEquals(where, 0L, result.get("failedCalls"));
                assertEquals(where, 0L, result.get("oldCodeAfterReturn"));
                assertEquals(where, List.of(), result.get("neverSwitch"));
                assertEquals(where, 0, result.get("consumerReactivations"));
            }
        }
        assertEquals(Profile.smoke().swap().threads().size(), patchbayRuns);
        List<?> fragments = (List<?>) report.section("fragment").orElseThrow().data().get("results");
        assertEquals(Profile.smoke().fragment().threads().size(), fragments.size());
        for (Object item : fragments) {
            Map<?, ?> result = (Map<?, ?>) item;
            String where = "Fragment patch at " + result.get("threads") + " threads: " + result.get("examples");
            assertEquals(where, 0L, result.get("failedCalls"));
            assertEquals(where, 0L, result.get("wrongCodeAfterReturn"));
            assertEquals(where, 0, result.get("consumerReactivations"));
            for (String op : List.of("apply", "revert")) {
                Map<?, ?> one = (Map<?, ?>) result.get(op);
                assertEquals(where + " " + op, 0, one.get("errors"));
                assertEquals(where + " " + op, Profile.smoke().fragment().cycles(), one.get("switches"));
                assertTrue(where + " " + op + " judged calls", ((Number) one.get("judgedCalls")).longValue() > 0);
            }
        }
        // the start-up comparison: launcher, bare Felix and Karaf each answered the example once
        assertEquals(3, report.section("startUp").orElseThrow().table().rows().size());
        assertEquals(2, report.section("startUpRatios").orElseThrow().table().rows().size());
        List<?> trials = (List<?>) report.section("retirement").orElseThrow().data().get("trials");
        assertEquals("Patchbay's retirement cycles", 0, ((Map<?, ?>) trials.get(0)).get("wrongAnswers"));
        CanarySmoke.check(report);
    }
}
