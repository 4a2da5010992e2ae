package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.itest.browser.CanaryPanel;
import io.patchbay.itest.browser.CanaryPanel.Verdict;
import io.patchbay.itest.browser.Chromium;
import io.patchbay.itest.browser.PatchesPage;
import io.patchbay.itest.browser.PatchesPage.Result;
import java.io.File;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.openqa.selenium.TimeoutException;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * An operator runs canaries from the Patches page in a real headless Chromium: starts one by uploading the fix,
 * watches both arms and the judge's verdict fill in live while calls arrive over HTTP, holds, resumes and promotes
 * it; then tries the old implementation, a standby, on one tenant and reverts it. The container runs in Pax Exam's
 * server mode as for {@link BrowserPatchesIT}; every wait is a WebDriverWait on what the page shows. Screenshots
 * go to {@code itest/target/screenshots/}.
 */
public class BrowserCanaryIT {

    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final int PORT = Container.freePort();

    @ClassRule
    public static final PaxExamServer CONTAINER = new PaxExamServer();

    @Configuration
    public Option[] config() {
        return new Option[] { Container.options(PORT) };
    }

    @Test
    public void anOperatorWatchesBothArmsAndTheJudgeLiveAndDecidesOnThePage() throws Exception {
        File screenshots = new File(System.getProperty("patchbay.build"), "screenshots");
        Http http = new Http(PORT);
        awaitPlugin(http);
        // the judge times a sample of the calls (a tenth at a 50 % share) and wants 100 timed baseline calls before
        // it judges latency: a thousand calls or so, so each look at the page sends a hundred
        Runnable traffic = () -> {
            for (int i = 0; i < 100; i++) {
                http.get(QUOTE);
            }
        };
        try (Chromium chromium = Chromium.start()) {
            PatchesPage page = new PatchesPage(chromium.driver()).open(PORT, "admin", Container.CONSOLE_PASSWORD);
            CanaryPanel canaries = new CanaryPanel(chromium.driver());
            page.awaitActive(SLOT, ORIGINAL);
            canaries.awaitNone();

            // the fix on half the calls, judged after 40 candidate calls, never promoted by the judge itself
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("split", "calls");
            fields.put("steps", "50");
            fields.put("reason", "PRICING-42 on half the calls");
            fields.put("minStepMillis", "0");
            fields.put("minCalls", "40");
            fields.put("warmupCalls", "20"); // the candidate's first calls load its classes
            fields.put("errorMargin", "0.2");
            // in-process calls take a microsecond: on a busy machine a pause now and then makes a call slower than
            // the baseline's p99 plus the margin, and this test is about the page, not the judge's latency bound
            fields.put("slowShare", "0.99");
            fields.put("slowMarginMicros", "2000");
            fields.put("autoPromote", "false");
            canaries.start(Container.fixPatch(), null, fields);
            assertEquals(new Result("ok", "Started a canary of " + FIXED + " in " + SLOT + ": 50 % of calls go to it"
                    + " (step 1 of 1); " + ORIGINAL + " stays the baseline."), page.awaitResult());
            canaries.awaitShown(SLOT);
            assertEquals("Baseline " + ORIGINAL, canaries.head(SLOT, "baseline"));
            assertEquals("Candidate " + FIXED, canaries.head(SLOT, "candidate"));
            assertEquals(List.of("50 %", "50 %"), List.of(canaries.value(SLOT, "baseline", "share"),
                    canaries.value(SLOT, "candidate", "share")));
            assertTrue(canaries.step(SLOT), canaries.step(SLOT).startsWith("Step 1 of 1: 50 % of calls, a random"
                    + " share (not sticky) go to the candidate; " + ORIGINAL + " is the baseline."));
            assertEquals("running", canaries.state(SLOT));
            assertEquals("the form's fields reached the manager", List.of(40, false, 0.99, 2000, "calls"),
                    List.of(spec(http).get("minCalls"), spec(http).get("autoPromote"),
                            ((Number) spec(http).get("slowShare")).doubleValue(), spec(http).get("slowMarginMicros"),
                            spec(http).get("split")));
            Verdict waiting = canaries.awaitVerdict(SLOT, "the judge waiting for candidate calls",
                    v -> v.word().equals("wait") && v.sentence().matches("holding: \\d+ of 40 candidate calls"),
                    () -> { });

            canaries.press(SLOT, "Hold");
            assertEquals(new Result("ok", "Holding the canary of " + FIXED + " in " + SLOT + " at step 1 of 1 (50 %):"
                    + " the judge still reverts it if it fails, but neither steps nor promotes it."), page.awaitResult());
            canaries.awaitState(SLOT, "holding", () -> { });
            long before = canaries.calls(SLOT, "candidate");
            canaries.awaitCallsAbove(SLOT, "candidate", before, traffic);
            Verdict passed;
            try {
                passed = canaries.awaitVerdict(SLOT, "the judge passing the candidate", v -> v.word().equals("pass"),
                        traffic);
            } catch (TimeoutException e) { // a canary that ended says why in the ledger
                throw new AssertionError(e.getMessage() + "; the newest ledger entry: " + newestLedgerEntry(http)
                        + ", " + newestLedgerReason(http), e);
            }
            assertNotEquals(waiting, passed);
            assertTrue(passed.sentence(), passed.sentence().startsWith("the candidate is no worse than the baseline:"
                    + " errors 0 of "));
            assertTrue(canaries.calls(SLOT, "candidate") >= 40);
            assertTrue(canaries.calls(SLOT, "baseline") > 0);
            assertEquals("0", canaries.value(SLOT, "candidate", "errors"));
            assertEquals("0.00 %", canaries.value(SLOT, "candidate", "errorRate"));
            assertTrue(canaries.value(SLOT, "candidate", "p99"), canaries.value(SLOT, "candidate", "p99")
                    .matches("[0-9.]+ (\u00b5s|ms)"));
            assertEquals("holding", canaries.state(SLOT)); // held: the judge passed it but did not promote it
            chromium.screenshot(new File(screenshots, "canary-held.png"));

            // resumed, the step starts anew; passing its last step, the judge holds it for an operator
            canaries.press(SLOT, "Resume");
            assertEquals(new Result("ok", "Resumed the canary of " + FIXED + " in " + SLOT + " at step 1 of 1 (50 %);"
                    + " the step's window starts anew."), page.awaitResult());
            canaries.awaitState(SLOT, "running", () -> { }); // no calls: the judge waits for them
            canaries.awaitState(SLOT, "holding", traffic);
            assertEquals("hold judge", newestLedgerEntry(http));

            canaries.press(SLOT, "Promote");
            assertEquals(new Result("ok", "Promoted " + FIXED + " in " + SLOT + ", replacing " + ORIGINAL + "."),
                    page.awaitResult());
            canaries.awaitNone();
            page.awaitActive(SLOT, FIXED);
            assertEquals("promote webconsole:admin", newestLedgerEntry(http));
            assertEquals("com.example.pricing.impl 1.0.1", servedBy(http, Map.of()));

            // the old code, now a standby, for one tenant only; reverted by hand
            canaries.start(null, ORIGINAL, Map.of("split", "chosen-keys", "keys", "acme", "reason", "acme only"));
            assertEquals(new Result("ok", "Started a canary of " + ORIGINAL + " in " + SLOT + ": calls with the keys"
                    + " acme go to it (step 1 of 1); " + FIXED + " stays the baseline."), page.awaitResult());
            canaries.awaitShown(SLOT);
            assertEquals("Candidate " + ORIGINAL, canaries.head(SLOT, "candidate"));
            long acme = canaries.awaitCallsAbove(SLOT, "candidate", 4, () -> {
                assertEquals("com.example.pricing.impl 1.0.0", servedBy(http, Map.of("X-Tenant", "acme")));
                assertEquals("com.example.pricing.impl 1.0.1", servedBy(http, Map.of("X-Tenant", "globex")));
            });
            assertTrue(acme > 4);
            assertEquals("wait", canaries.awaitVerdict(SLOT, "the judge waiting for 100 candidate calls",
                    v -> v.sentence().endsWith(" of 100 candidate calls"), () -> { }).word());
            chromium.screenshot(new File(screenshots, "canary-chosen-keys.png"));

            canaries.press(SLOT, "Revert");
            assertEquals(new Result("ok", "Reverted to " + FIXED + " in " + SLOT + ", replacing " + ORIGINAL + "."),
                    page.awaitResult());
            canaries.awaitNone();
            page.awaitActive(SLOT, FIXED);
            assertEquals("com.example.pricing.impl 1.0.1", servedBy(http, Map.of("X-Tenant", "acme")));
            assertEquals("errors shown on the page", List.of(), page.shownErrors());
            assertEquals("errors in the browser console", List.of(), chromium.errors());
        }
    }

    /** The console answers the plugin's JSON (the container starts its bundles in the background). */
    private static void awaitPlugin(Http http) {
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        while (http.get("/system/console/patches.json", "admin", Container.CONSOLE_PASSWORD).statusCode() != 200) {
            if (deadline.passed()) {
                throw new AssertionError("The Patches plugin did not answer within 20 s");
            }
            deadline.pause();
        }
    }

    /** The newest ledger entry's action and actor. */
    @SuppressWarnings("unchecked")
    private static String newestLedgerEntry(Http http) {
        Map<String, Object> state = Json.object(
                http.get("/system/console/patches.json", "admin", Container.CONSOLE_PASSWORD).body());
        Map<String, Object> entry = (Map<String, Object>) ((List<Object>) state.get("ledger")).get(0);
        return entry.get("action") + " " + entry.get("actor");
    }

    @SuppressWarnings("unchecked")
    private static Object newestLedgerReason(Http http) {
        Map<String, Object> state = Json.object(
                http.get("/system/console/patches.json", "admin", Container.CONSOLE_PASSWORD).body());
        return ((Map<String, Object>) ((List<Object>) state.get("ledger")).get(0)).get("reason");
    }

    /** The spec in force of the one canary in progress, from patches.json. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Http http) {
        Map<String, Object> state = Json.object(
                http.get("/system/console/patches.json", "admin", Container.CONSOLE_PASSWORD).body());
        return (Map<String, Object>) ((Map<String, Object>) ((List<Object>) state.get("canaries")).get(0)).get("spec");
    }

    private static String servedBy(Http http, Map<String, String> headers) {
        return (String) Json.object(http.get(QUOTE, headers).body()).get("servedBy");
    }
}
