package io.patchbay.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.itest.browser.Chromium;
import io.patchbay.itest.browser.FleetPage;
import io.patchbay.itest.browser.PatchesPage;
import io.patchbay.itest.browser.PatchesPage.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Patchbay in the stock Apache Karaf distribution, driven from outside as an operator would: the features added
 * by their {@code mvn:} URL and installed with {@code feature:install}, the example answering over HTTP, a patch
 * applied and reverted with {@code patch:apply} / {@code patch:revert} typed into the Karaf console, and the route
 * still in place after Karaf is stopped and started again on the same data, and the {@code patchbay-metrics}
 * feature's Prometheus endpoint answering on the example's port; Karaf's own web console (javax.servlet) serving
 * the Patches and Fleet pages over HTTP and to a real headless Chromium, and {@code bin/client -b} printing
 * {@code patch:list}. One Karaf for the class; every test leaves the example on 1.0.0.
 */
public class KarafIT {

    /** Generous: on a loaded machine Karaf took over 90 s to open its SSH port; a deadline, not a wait. */
    private static final Duration START = Duration.ofSeconds(300);
    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final String METRICS = "/metrics";
    private static final String BUGGY = "\"total\":81.00";
    private static final String FIXED = "\"total\":90.00";
    private static final String SLOT = "com.example.pricing.api.PriceService@1.0.0#pricing";
    private static final String ORIGINAL = "com.example.pricing.impl/1.0.0";
    private static final String PATCHED = "com.example.pricing.impl/1.0.1";
    private static final String CONSOLE = "/system/console";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("patchbay.build"), "screenshots");
    /** A row of {@code bundle:list -s}: the console draws its columns with box characters, batch mode with bars. */
    private static final Pattern BUNDLE_LEVEL = Pattern.compile(
            "[|\u2502]\\s*Active\\s*[|\u2502]\\s*(\\d+)\\s*[|\u2502][^|\u2502]*[|\u2502]\\s*(\\S+)");

    private static KarafInstance karaf;
    private static KarafConsole console;
    private static KarafHttp http;
    private static final Path FIX = Path.of(System.getProperty("patchbay.fix.jar"));

    @BeforeClass
    public static void startKarafAndInstallTheFeatures() throws Exception {
        Path base = Path.of(System.getProperty("patchbay.karaf.instance"));
        Path features = Path.of(System.getProperty("patchbay.karaf.features"));
        String version = System.getProperty("patchbay.version");
        karaf = KarafInstance.create(Path.of(System.getProperty("patchbay.karaf.home")), base,
                Path.of(System.getProperty("patchbay.karaf.repository")), features, version);
        karaf.start(START);
        console = karaf.console();
        http = new KarafHttp(karaf.httpPort(), karaf::logTail);
        // the feature service may still be installing the boot features when SSH opens
        console.await("feature:repo-add mvn:io.patchbay/karaf/" + version + "/xml/features",
                out -> out.contains("Adding feature url"), START);
        console.run("feature:install patchbay patchbay-example patchbay-metrics patchbay-fleet patchbay-webconsole");
        awaitQuote(BUGGY);
    }

    @AfterClass
    public static void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    public void theFeatureStartsTheManagerBeforeTheApplicationAndWritesItsConfiguration() throws Exception {
        String bundles = console.run("bundle:list -s -t 0");
        assertEquals(bundles, "25", levelOf(bundles, "io.patchbay.core"));
        assertEquals(bundles, "80", levelOf(bundles, "com.example.pricing.impl"));
        assertTrue(Files.isRegularFile(karaf.etc().resolve("io.patchbay.core.cfg")));
        assertTrue(console.run("config:list '(service.pid=io.patchbay.core)'").contains("io.patchbay.core"));
        String slots = console.run("patch:list");
        assertTrue(slots, slots.contains(SLOT));
        assertTrue(slots, slots.contains("active   com.example.pricing.impl/1.0.0"));
    }

    @Test
    public void patchApplyInTheKarafConsoleMovesTheExampleAndPatchRevertMovesItBack() throws Exception {
        assertTrue(quote().contains(BUGGY));

        String applied = console.run("patch:apply " + FIX + " --reason PRICING-42");
        assertTrue(applied, applied.contains("com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1"));
        assertTrue(quote().contains(FIXED));
        assertTrue(quote().contains("com.example.pricing.impl 1.0.1"));

        String reverted = console.run("patch:revert PriceService@1.0.0");
        assertTrue(reverted, reverted.contains("com.example.pricing.impl/1.0.1 -> com.example.pricing.impl/1.0.0"));
        assertTrue(quote().contains(BUGGY));
        String history = console.run("patch:history");
        assertTrue(history, history.contains("by shell: PRICING-42"));
    }

    @Test
    public void theAppliedRouteSurvivesAKarafRestart() throws Exception {
        console.run("patch:apply " + FIX);
        assertTrue(quote().contains(FIXED));

        karaf.stop();
        karaf.start(START);
        console.await("patch:list", out -> out.contains(SLOT), START);

        assertTrue(awaitQuote(FIXED).contains("com.example.pricing.impl 1.0.1"));
        String slots = console.run("patch:list");
        assertTrue(slots, slots.contains("active   com.example.pricing.impl/1.0.1"));
        assertTrue(console.run("patch:status com.example.pricing.impl/1.0.1").contains("yes:"));

        console.run("patch:revert PriceService@1.0.0");
        assertTrue(quote().contains(BUGGY));
    }

    @Test
    public void theMetricsFeatureServesTheExamplesSlotToPrometheus() throws Exception {
        assertTrue(quote().contains(BUGGY));
        assertTrue(Files.isRegularFile(karaf.etc().resolve("io.patchbay.metrics.cfg")));
        // on the example's Jetty; SCR may still be activating the endpoint when feature:install returns
        String scrape = awaitAnswer(METRICS, "patchbay_active{");
        Pattern active = Pattern.compile("(?m)^patchbay_active\\{(?=[^}]*implementation=\"com\\.example\\.pricing"
                + "\\.impl/1\\.0\\.0\")(?=[^}]*slot=\"" + Pattern.quote(SLOT) + "\")[^}]*\\} 1(\\.0)?$");
        assertTrue(scrape, active.matcher(scrape).find());
        assertTrue(scrape, scrape.contains("patchbay_calls_total{"));
    }

    @Test
    public void theFleetAgentStartsFromItsEtcFileAndBacksOffWhileNoServerAnswers() throws Exception {
        String before = console.run("patch:fleet");
        assertTrue(before, before.contains("The fleet agent is not configured"));
        int unused;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unused = socket.getLocalPort();
        }
        Files.writeString(karaf.etc().resolve("io.patchbay.fleet.cfg"), "url = http://127.0.0.1:" + unused
                + "\ncontrollerId = karaf-it\npollMs = 500\nmaxBackoffMs = 2000\n");
        String backingOff = console.await("patch:fleet", out -> out.contains("cannot connect"), START);
        assertTrue(backingOff, backingOff.contains("controller karaf-it"));
        assertTrue(backingOff, backingOff.contains("state      backing off"));
        Files.delete(karaf.etc().resolve("io.patchbay.fleet.cfg"));
        console.await("patch:fleet", out -> out.contains("not configured"), START);
        assertTrue(quote().contains("servedBy")); // calls answered all along
    }

    @Test
    public void aCanaryForOneTenantFromTheKarafConsole() throws Exception {
        String started = console.run("patch:canary --split chosen-keys --keys acme " + FIX);
        assertTrue(started, started.contains("chosen-keys canary, step 1 of 1 (100 %), running"));
        // the routing filter registers through SCR: its first answers may still come before it
        String acme = awaitAnswer(QUOTE, "com.example.pricing.impl 1.0.1", Map.of("X-Tenant", "acme"));
        assertTrue(acme, acme.contains(FIXED));
        assertTrue(get(QUOTE, Map.of("X-Tenant", "globex")).contains(BUGGY));
        assertTrue(quote().contains(BUGGY));
        String canaries = console.run("patch:canary");
        assertTrue(canaries, canaries.contains("candidate  com.example.pricing.impl/1.0.1"));

        String ended = console.run("patch:revert PriceService@1.0.0");
        assertTrue(ended, ended.contains("com.example.pricing.impl/1.0.1 -> com.example.pricing.impl/1.0.0"));
        assertTrue(get(QUOTE, Map.of("X-Tenant", "acme")).contains(BUGGY));
        assertTrue(console.run("patch:canary").contains("No canary in progress."));
    }

    @Test
    public void binClientInBatchModePrintsThePatchListTable() throws Exception {
        String slots = console.batch("patch:list");
        assertTrue(slots, slots.contains(SLOT));
        assertTrue(slots, slots.contains("active   com.example.pricing.impl/1.0.0"));
    }

    @Test
    public void karafsWebConsoleServesThePatchesAndFleetPagesAndTheirJson() throws Exception {
        String user = "karaf";
        String page = http.awaitAnswer(CONSOLE + "/patches", "data-plugin-root=\"" + CONSOLE + "/patches\"",
                KarafHttp.basic(user, karaf.password()));
        assertTrue(page, page.contains(CONSOLE + "/patches/res/patches.js"));
        String state = http.getAs(user, karaf.password(), CONSOLE + "/patches.json");
        assertTrue(state, state.startsWith("200 {") && state.contains("\"id\":\"" + SLOT + "\""));
        assertTrue(http.getAs(user, karaf.password(), CONSOLE + "/patches/res/patches.css").startsWith("200 "));
        assertTrue(http.get(CONSOLE + "/patches.json").startsWith("401 "));
        String forged = http.post(CONSOLE + "/patches", "action=revert&slot=1",
                KarafHttp.basic(user, karaf.password()));
        assertTrue("a POST without the token is refused: " + forged, forged.startsWith("403 "));
        String fleet = http.getAs(user, karaf.password(), CONSOLE + "/fleet.json");
        assertTrue(fleet, fleet.startsWith("200 {\"configured\":"));
        assertTrue(http.getAs(user, karaf.password(), CONSOLE + "/fleet").contains("id=\"fleet-table\""));
    }

    @Test
    public void anOperatorAppliesAndRevertsFromThePatchesPageAndReadsTheFleetPageInChromium() throws Exception {
        http.awaitAnswer(CONSOLE + "/patches.json", SLOT, KarafHttp.basic("karaf", karaf.password()));
        try (Chromium chromium = Chromium.start()) {
            PatchesPage page = new PatchesPage(chromium.driver()).open(karaf.httpPort(), "karaf", karaf.password());
            page.awaitActive(SLOT, ORIGINAL);
            page.apply(FIX.toFile(), "PRICING-42, from Karaf's web console");
            assertEquals(new Result("ok", "Applied " + PATCHED + " in " + SLOT + ", replacing " + ORIGINAL + "."),
                    page.awaitResult());
            page.awaitActive(SLOT, PATCHED);
            assertTrue(quote().contains(FIXED));
            chromium.screenshot(SCREENSHOTS.resolve("karaf-patches-after-apply.png").toFile());
            page.revert(SLOT);
            assertEquals(new Result("ok", "Reverted to " + ORIGINAL + " in " + SLOT + ", replacing " + PATCHED
                    + "."), page.awaitResult());
            page.awaitActive(SLOT, ORIGINAL);
            assertTrue(quote().contains(BUGGY));
            assertEquals(List.of(), page.shownErrors());

            FleetPage fleet = new FleetPage(chromium.driver()).open(karaf.httpPort(), "karaf", karaf.password());
            assertTrue(fleet.awaitNotConfigured().startsWith("The fleet agent is not configured"));
            chromium.screenshot(SCREENSHOTS.resolve("karaf-fleet.png").toFile());
            // Karaf's console frame asks for a favicon that Karaf 4.4.10 does not ship; nothing else may fail
            assertEquals("errors in the browser console", List.of(), chromium.errors().stream()
                    .filter(error -> !error.contains("/system/console/res/karaf/imgs/favicon.ico")).toList());
        }
        String history = console.run("patch:history");
        assertTrue(history, history.contains("by webconsole:karaf: PRICING-42, from Karaf's web console"));
    }

    private static String levelOf(String bundleList, String symbolicName) {
        Matcher matcher = BUNDLE_LEVEL.matcher(bundleList);
        while (matcher.find()) {
            if (matcher.group(2).equals(symbolicName)) {
                return matcher.group(1);
            }
        }
        return "(not active)";
    }

    private static String quote() throws IOException, InterruptedException {
        return http.get(QUOTE);
    }

    private static String get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return http.get(path, headers);
    }

    /** The example's answer once it contains {@code expected}: after an install or a start it needs a moment. */
    private static String awaitQuote(String expected) throws InterruptedException {
        return awaitAnswer(QUOTE, expected);
    }

    private static String awaitAnswer(String path, String expected) throws InterruptedException {
        return http.awaitAnswer(path, expected, Map.of());
    }

    private static String awaitAnswer(String path, String expected, Map<String, String> headers)
            throws InterruptedException {
        return http.awaitAnswer(path, expected, headers);
    }
}
