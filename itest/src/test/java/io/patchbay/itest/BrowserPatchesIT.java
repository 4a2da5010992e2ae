package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;

import io.patchbay.itest.browser.Chromium;
import io.patchbay.itest.browser.PatchesPage;
import io.patchbay.itest.browser.PatchesPage.Result;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * An operator in a real headless Chromium: logs in to the web console, applies the example patch from the Patches
 * page, sees the slot and the endpoint switch, reverts. The test runs outside the framework: Pax Exam in server
 * mode starts the same container as every other test, and the browser talks to it over HTTP. Screenshots go to
 * {@code itest/target/screenshots/}.
 */
public class BrowserPatchesIT {

    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final int PORT = Container.freePort();

    @ClassRule
    public static final PaxExamServer CONTAINER = new PaxExamServer();

    @Configuration
    public Option[] config() {
        return new Option[] { Container.options(PORT) };
    }

    @Test
    public void anOperatorAppliesAndRevertsThePatchFromThePatchesPage() throws Exception {
        File screenshots = new File(System.getProperty("patchbay.build"), "screenshots");
        Http http = new Http(PORT);
        awaitPlugin(http);
        try (Chromium chromium = Chromium.start()) {
            PatchesPage page = new PatchesPage(chromium.driver()).open(PORT, "admin", Container.CONSOLE_PASSWORD);
            page.awaitActive(SLOT, ORIGINAL);
            assertQuote(http, "com.example.pricing.impl 1.0.0", "81.00");
            assertEquals("The ledger is intact: no entries. Patches are not verified: no trust store is configured"
                    + " (trust.store), so any well-formed patch is applied.", page.integrity());

            page.apply(Container.fixPatch(), "PRICING-42, applied from the browser");
            assertEquals(new Result("ok", "Applied " + FIXED + " in " + SLOT + ", replacing " + ORIGINAL + "."),
                    page.awaitResult());
            page.awaitActive(SLOT, FIXED);
            assertQuote(http, "com.example.pricing.impl 1.0.1", "90.00");
            assertEquals("the reason went with the multipart upload", "PRICING-42, applied from the browser",
                    newestLedgerReason(http));
            page.awaitCalls(FIXED, () -> {
                for (int i = 0; i < 25; i++) {
                    http.get(QUOTE);
                }
            });
            chromium.screenshot(new File(screenshots, "patches-after-apply.png"));
            assertEquals("errors shown on the page", List.of(), page.shownErrors());
            assertEquals("errors in the browser console", List.of(), chromium.errors());

            page.revert(SLOT);
            assertEquals(new Result("ok", "Reverted to " + ORIGINAL + " in " + SLOT + ", replacing " + FIXED + "."),
                    page.awaitResult());
            page.awaitActive(SLOT, ORIGINAL);
            assertQuote(http, "com.example.pricing.impl 1.0.0", "81.00");
            chromium.screenshot(new File(screenshots, "patches-after-revert.png"));
            assertEquals(List.of(), page.shownErrors());
            assertEquals(List.of(), chromium.errors());
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

    @SuppressWarnings("unchecked")
    private static Object newestLedgerReason(Http http) {
        Map<String, Object> state = Json.object(
                http.get("/system/console/patches.json", "admin", Container.CONSOLE_PASSWORD).body());
        return ((Map<String, Object>) ((List<Object>) state.get("ledger")).get(0)).get("reason");
    }

    private static void assertQuote(Http http, String servedBy, String total) {
        HttpResponse<String> answer = http.get(QUOTE);
        Map<String, Object> quote = Json.object(answer.body());
        assertEquals(answer.body(), servedBy, quote.get("servedBy"));
        assertEquals(answer.body(), total, quote.get("total").toString());
    }
}
