package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static io.patchbay.itest.PatchesConsole.FORM;
import static io.patchbay.itest.PatchesConsole.JAR;
import static io.patchbay.itest.PatchesConsole.JSON;
import static io.patchbay.itest.PatchesConsole.PLUGIN;
import static io.patchbay.itest.PatchesConsole.form;
import static io.patchbay.itest.PatchesConsole.list;
import static io.patchbay.itest.PatchesConsole.map;
import static io.patchbay.itest.PatchesConsole.number;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.example.pricing.api.PriceService;
import io.patchbay.api.dto.CanaryDTO;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;

/** The Patches plugin's canary JSON and actions over real HTTP in a real Felix, bad input and CSRF included. */
public class CanaryConsoleIT extends ContainerTest {

    private Http http;
    private PatchesConsole console;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
        http = new Http(context);
        console = new PatchesConsole(http);
    }

    @After
    public void endCanaries() throws Exception {
        for (CanaryDTO canary : manager.canaries()) {
            manager.revert(canary.slot, "test over", "itest");
        }
        Fixtures.removePatches(context);
    }

    @Test
    public void aCanaryStartedWithAJarShowsBothArmsAndIsHeldResumedAndPromoted() throws Exception {
        Map<String, Object> started = console.post("?action=canary&name=fix.jar&split=calls&steps=50&minStepMillis=600000",
                JAR, Files.readAllBytes(Container.fixPatch().toPath()), Map.of("X-Patchbay-Reason", "PRICING-42"),
                200);
        assertEquals("Started a canary of " + FIXED + " in " + SLOT + ": 50 % of calls go to it (step 1 of 1); "
                + ORIGINAL + " stays the baseline.", started.get("message"));
        assertEquals("running", map(started.get("canary")).get("state"));

        PriceService prices = context.getService(context.getServiceReference(PriceService.class));
        for (int i = 0; i < 200; i++) {
            prices.quote("WIDGET", 10);
        }
        Map<String, Object> state = console.state();
        assertTrue("every earlier field is still there", state.keySet().containsAll(List.of("time", "token",
                "status", "slots", "ledger", "ledgerTotal")));
        Map<String, Object> canary = map(list(state.get("canaries")).get(0));
        assertEquals(SLOT, canary.get("slot"));
        assertEquals(ORIGINAL, canary.get("baseline"));
        assertEquals(FIXED, canary.get("candidate"));
        assertEquals(List.of(1, 1), List.of(number(canary, "step"), number(canary, "stepCount")));
        assertEquals(50, number(canary, "share"));
        Map<String, Object> baseline = map(canary.get("baselineArm"));
        Map<String, Object> candidate = map(canary.get("candidateArm"));
        assertEquals(ORIGINAL, baseline.get("implementation"));
        assertEquals(FIXED, candidate.get("implementation"));
        assertEquals(200, number(baseline, "calls") + number(candidate, "calls"));
        assertTrue(candidate.keySet().containsAll(List.of("share", "errors", "errorRate", "p50Micros", "p99Micros",
                "timedCalls", "slowerThanBaselineP99")));
        Map<String, Object> spec = map(canary.get("spec"));
        assertEquals("calls", spec.get("split"));
        assertEquals(600000, number(spec, "minStepMillis"));
        assertEquals(100, number(spec, "minCalls"));
        assertEquals(50, number(spec, "slowMarginMicros")); // the default since the judge is scale-free
        assertTrue(canary.containsKey("verdict") && canary.containsKey("reason"));
        assertEquals("PRICING-42", manager.history(SLOT).get(0).reason.replaceFirst(" \\(.*", ""));

        Map<String, Object> held = console.post("", FORM, form("action", "hold", "slot", "PriceService@1.0.0",
                "reason", "look first"), 200);
        assertEquals("Holding the canary of " + FIXED + " in " + SLOT + " at step 1 of 1 (50 %): the judge still"
                + " reverts it if it fails, but neither steps nor promotes it.", held.get("message"));
        assertEquals("holding", map(held.get("canary")).get("state"));
        assertEquals("holding", map(list(console.state().get("canaries")).get(0)).get("state"));
        assertEquals("The canary of " + FIXED + " in " + SLOT + " is already holding; nothing changed.",
                console.post("", FORM, form("action", "hold", "slot", SLOT), 409).get("message"));
        console.post("", FORM, form("action", "resume", "slot", SLOT), 200);
        console.post("", FORM, form("action", "resume", "slot", SLOT), 409);

        Map<String, Object> promoted = console.post("", FORM, form("action", "promote", "slot", SLOT, "reason", "good"), 200);
        assertEquals("Promoted " + FIXED + " in " + SLOT + ", replacing " + ORIGINAL + ".", promoted.get("message"));
        assertEquals(FIXED, map(promoted.get("change")).get("to"));
        assertEquals(List.of(), console.state().get("canaries"));
        assertEquals(List.of("promote webconsole:admin", "resume webconsole:admin", "hold webconsole:admin"),
                manager.history(SLOT).stream().limit(3).map(e -> e.action + " " + e.actor).toList());
        assertQuote(Map.of(), "com.example.pricing.impl 1.0.1");
    }

    @Test
    public void aCanaryOfAStandbyForChosenTenantsEndsWithRevert() throws Exception {
        manager.apply(Container.fixPatch().getPath(), null, "itest");
        manager.revert(SLOT, null, "itest"); // FIXED is a standby now
        Map<String, Object> started = console.post("", FORM, form("action", "canary", "implementation", FIXED,
                "split", "chosen-keys", "keys", "acme, globex", "reason", "two tenants"), 200);
        assertEquals("Started a canary of " + FIXED + " in " + SLOT + ": calls with the keys acme, globex go to it"
                + " (step 1 of 1); " + ORIGINAL + " stays the baseline.", started.get("message"));
        assertQuote(Map.of("X-Tenant", "acme"), "com.example.pricing.impl 1.0.1");
        assertQuote(Map.of("X-Tenant", "initech"), "com.example.pricing.impl 1.0.0");
        assertQuote(Map.of(), "com.example.pricing.impl 1.0.0");
        Map<String, Object> canary = map(list(console.state().get("canaries")).get(0));
        assertEquals(List.of("acme", "globex"), map(canary.get("spec")).get("keys"));
        assertEquals(1, number(map(canary.get("candidateArm")), "calls"));
        assertTrue(number(canary, "noKeyCalls") >= 1);

        Map<String, Object> reverted = console.post("", FORM, form("action", "revert", "slot", SLOT), 200);
        assertEquals("Reverted to " + ORIGINAL + " in " + SLOT + ", replacing " + FIXED + ".",
                reverted.get("message"));
        assertEquals(List.of(), console.state().get("canaries"));
        assertQuote(Map.of("X-Tenant", "acme"), "com.example.pricing.impl 1.0.0");
    }

    @Test
    public void badCanaryInputIsOneSentenceAndChangesNothing() throws Exception {
        List<String> bundles = Fixtures.bundles(context);
        List<String> routes = Fixtures.routes(manager);
        int ledger = manager.history(null).size();
        byte[] fix = Files.readAllBytes(Container.fixPatch().toPath());

        assertEquals("Say what to try as a canary: send the patch jar (as the request body or as the multipart part"
                + " 'patch'), or name a standby implementation (implementation=name/version).",
                console.post("", FORM, form("action", "canary"), 400).get("message"));
        assertEquals("Canary steps must rise, each above 0 and below 100 % (100 % is the promotion); [50.0, 5.0]"
                + " does not.", console.post("?action=canary&steps=50,5", JAR, fix, Map.of(), 400).get("message"));
        assertEquals("A canary splits by calls, keys, chosen-keys, bundles; not by users.",
                console.post("?action=canary&split=users", JAR, fix, Map.of(), 400).get("message"));
        assertEquals("A chosen-keys canary needs the keys it routes to the candidate.",
                console.post("?action=canary&split=chosen-keys", JAR, fix, Map.of(), 400).get("message"));
        assertEquals("minCalls takes a whole number; not 'lots'.",
                console.post("?action=canary&minCalls=lots", JAR, fix, Map.of(), 400).get("message"));
        assertEquals("Try one candidate at a time: send a patch jar or name a standby implementation, not both.",
                console.post("?action=canary&implementation=" + ORIGINAL, JAR, fix, Map.of(), 400).get("message"));
        assertEquals(SLOT + " has no canary in progress.",
                console.post("", FORM, form("action", "hold", "slot", SLOT), 400).get("message"));
        assertEquals(SLOT + " has no canary in progress.",
                console.post("", FORM, form("action", "promote", "slot", SLOT), 400).get("message"));
        String unknown = (String) console.post("", FORM, form("action", "resume", "slot", "NoSuchService"), 404)
                .get("message");
        assertTrue(unknown, unknown.startsWith("No slot matches 'NoSuchService'; the slots are: "));
        for (Map<String, String> headers : List.of(Map.of("Content-Type", JAR),
                Map.of("Content-Type", JAR, "X-Patchbay-Token", console.token() + "x"))) {
            HttpResponse<String> answer = http.post(PLUGIN + "?action=canary", "admin", Container.CONSOLE_PASSWORD,
                    headers, fix);
            assertEquals(answer.body(), 403, answer.statusCode());
        }
        HttpResponse<String> forged = http.post(PLUGIN + "?token=" + URLEncoder.encode(console.token(), StandardCharsets.UTF_8),
                "admin", Container.CONSOLE_PASSWORD, Map.of("Content-Type", FORM), form("action", "canary",
                        "implementation", ORIGINAL));
        assertEquals(forged.body(), 403, forged.statusCode());

        assertEquals("bundles", bundles, Fixtures.bundles(context));
        assertEquals("routes", routes, Fixtures.routes(manager));
        assertEquals("ledger", ledger, manager.history(null).size());
        assertEquals(List.of(), manager.canaries());
    }

    private void assertQuote(Map<String, String> headers, String servedBy) {
        String body = http.get("/pricing/quote?sku=WIDGET&qty=10", headers).body();
        assertEquals(body, servedBy, Json.object(body).get("servedBy"));
    }
}
