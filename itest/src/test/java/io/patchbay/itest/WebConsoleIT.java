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
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.Before;
import org.junit.Test;

/** The Patches plugin over real HTTP in a real Felix: the JSON view, the POST actions, bad input and CSRF. */
public class WebConsoleIT extends ContainerTest {

    private static final String MULTIPART = "multipart/form-data; boundary=patchbay-itest";

    private Http http;
    private PatchesConsole console;

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

    @Test
    public void theJsonViewShowsSlotsImplementationsConsumersLedgerAndTheToken() {
        HttpResponse<String> answer = http.get(JSON, "admin", Container.CONSOLE_PASSWORD);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        Map<String, Object> state = Json.object(answer.body());
        assertEquals(state.get("token"), answer.headers().firstValue("X-Patchbay-Token").orElse(null));
        Map<String, Object> slot = slot(state);
        assertEquals("com.example.pricing.api.PriceService", slot.get("interfaceName"));
        assertEquals("1.0.0", slot.get("apiVersion"));
        Map<String, Object> active = map(slot.get("active"));
        assertEquals(ORIGINAL, active.get("id"));
        assertEquals("active", active.get("state"));
        assertEquals("com.example.pricing.impl", active.get("bundleSymbolicName"));
        assertEquals("1.0.0", active.get("bundleVersion"));
        for (String counter : List.of("calls", "errors", "inFlight", "activeSince", "bundleId", "serviceId")) {
            assertTrue(counter, active.get(counter) instanceof Number);
        }
        List<String> consumers = list(slot.get("consumers")).stream()
                .map(c -> (String) map(c).get("bundleSymbolicName")).toList();
        assertTrue(consumers.toString(), consumers.containsAll(List.of("com.example.pricing.web",
                "io.patchbay.fixture.consumers")));
        assertEquals(manager.history(null).size(), ((Number) state.get("ledgerTotal")).intValue());

        assertEquals("console login required", 401, http.get(JSON).statusCode());
        String page = http.get(PLUGIN, "admin", Container.CONSOLE_PASSWORD).body();
        assertTrue("the page carries the token", page.contains("data-token=\"" + console.token() + "\""));
        HttpResponse<String> script = http.get(PLUGIN + "/res/patches.js", "admin", Container.CONSOLE_PASSWORD);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    }

    @Test
    public void applyRevertAndActivateOverHttp() throws Exception {
        Map<String, Object> same = console.post("?action=activate", FORM, form("slot", SLOT, "implementation", ORIGINAL), 409);
        assertEquals(ORIGINAL + " is already active in " + SLOT + "; nothing changed.", same.get("message"));

        // the reason travels in a header (percent-encoded) with a jar body; one in the query string is ignored
        Map<String, Object> applied = console.post("?action=apply&name=fix.jar&reason=from-the-query", JAR,
                Files.readAllBytes(Container.fixPatch().toPath()),
                Map.of("X-Patchbay-Reason", "PRICING-42%20over%20HTTP"), 200);
        assertEquals("Applied " + FIXED + " in " + SLOT + ", replacing " + ORIGINAL + ".", applied.get("message"));
        assertEquals(FIXED, map(applied.get("change")).get("to"));
        assertQuote("com.example.pricing.impl 1.0.1", "90.00");
        Map<String, Object> active = map(slot(console.state()).get("active"));
        assertEquals(FIXED, active.get("id"));
        assertEquals(Boolean.TRUE, active.get("patch"));
        Map<String, Object> lastSwitch = map(active.get("lastSwitch"));
        assertEquals("PRICING-42 over HTTP", lastSwitch.get("reason"));
        assertEquals("webconsole:admin", lastSwitch.get("actor"));
        Map<String, Object> newest = map(list(console.state().get("ledger")).get(0));
        assertEquals("apply", newest.get("action"));
        assertEquals(64, ((String) newest.get("checksum")).length());

        Map<String, Object> reverted = console.post("?reason=from-the-query", FORM,
                form("action", "revert", "slot", SLOT, "reason", "back"), 200);
        assertEquals("Reverted to " + ORIGINAL + " in " + SLOT + ", replacing " + FIXED + ".", reverted.get("message"));
        assertEquals("back", manager.history(SLOT).get(0).reason);
        assertQuote("com.example.pricing.impl 1.0.0", "81.00");
        assertEquals(FIXED, map(list(slot(console.state()).get("standby")).get(0)).get("id"));

        console.post("?reason=from-the-query", FORM, form("action", "activate", "slot", SLOT, "implementation", FIXED), 200);
        assertQuote("com.example.pricing.impl 1.0.1", "90.00");
        assertEquals(FIXED, manager.slot(SLOT).active.id);
        assertEquals("a reason only in the query is ignored", null, manager.history(SLOT).get(0).reason);
    }

    @Test
    public void aMultipartUploadWithTheTokenInTheHeader() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", "apply");
        fields.put("reason", "multipart");
        byte[] body = Http.multipart("patchbay-itest", fields, "patch", "fix.jar",
                Files.readAllBytes(Container.fixPatch().toPath()));
        HttpResponse<String> answer = http.post(PLUGIN, "admin", Container.CONSOLE_PASSWORD,
                Map.of("Content-Type", MULTIPART, "X-Patchbay-Token", console.token()), body);
        assertEquals(answer.body(), 200, answer.statusCode());
        assertEquals(FIXED, manager.slot(SLOT).active.id);
        assertEquals("multipart", manager.history(SLOT).get(0).reason);
    }

    /**
     * A 64 MiB multipart upload with a wrong token, or with the right one only as a form field: the server answers
     * 403 after the headers and the first 256 KiB, so it cannot have read the body (the rest was never sent).
     */
    @Test
    public void aLargeMultipartUploadWithoutTheTokenHeaderIsRefusedBeforeItsBodyIsRead() throws Exception {
        Snapshot before = new Snapshot();
        byte[] fix = Files.readAllBytes(Container.fixPatch().toPath());
        Map<String, String> rightTokenAsField = new LinkedHashMap<>();
        rightTokenAsField.put("token", console.token());
        rightTokenAsField.put("action", "apply");
        Map<String, String> fieldsOnly = Map.of("action", "apply");
        for (Map.Entry<String, Map<String, String>> attempt : List.of(
                Map.entry(console.token() + "x", fieldsOnly), Map.entry("", rightTokenAsField))) {
            byte[] start = Http.multipart("patchbay-itest", attempt.getValue(), "patch", "fix.jar", fix);
            String answer = UnfinishedUpload.post(Integer.parseInt(context.getProperty("org.osgi.service.http.port")),
                    PLUGIN, MULTIPART, attempt.getKey(), start, 64 << 20);
            assertTrue(answer, answer.startsWith("HTTP/1.1 403 "));
            assertTrue(answer, answer.contains("\"ok\":false"));
            assertTrue(answer, answer.contains("carries no valid Patchbay token"));
        }
        before.assertUnchanged();
        assertQuote("com.example.pricing.impl 1.0.0", "81.00");
    }

    @Test
    public void aTokenInTheQueryStringIsIgnored() throws Exception {
        Snapshot before = new Snapshot();
        String query = "&token=" + URLEncoder.encode(console.token(), StandardCharsets.UTF_8);
        HttpResponse<String> revert = http.post(PLUGIN + "?action=revert&slot=" + SLOT + query, "admin",
                Container.CONSOLE_PASSWORD, Map.of("Content-Type", FORM), new byte[0]);
        assertEquals(revert.body(), 403, revert.statusCode());
        HttpResponse<String> apply = http.post(PLUGIN + "?action=apply" + query, "admin",
                Container.CONSOLE_PASSWORD, Map.of("Content-Type", JAR),
                Files.readAllBytes(Container.fixPatch().toPath()));
        assertEquals(apply.body(), 403, apply.statusCode());
        before.assertUnchanged();
    }

    @Test
    public void badInputIsA400AndChangesNothing() throws Exception {
        Snapshot before = new Snapshot();
        byte[] notAJar = "not a jar at all".getBytes(StandardCharsets.UTF_8);
        byte[] notAPatch = Files.readAllBytes(Fixtures.jar("bundle", Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "just.a.bundle")).toPath());
        assertRefused("?action=apply&name=notes.txt", JAR, notAJar, "notes.txt is not a jar file.");
        assertRefused("?action=apply&name=plain.jar", JAR, notAPatch,
                "plain.jar (just.a.bundle) is not a patch: its manifest has no Patchbay-Patch header.");
        assertRefused("?action=apply&name=empty.jar", JAR, new byte[0], "empty.jar is empty.");
        assertRefused("?action=apply", FORM, new byte[0], "Send the patch jar: as the request body (Content-Type: "
                + "application/java-archive) or as the multipart part 'patch'.");
        assertRefused("", FORM, form("action", "explode"),
                "Unknown action 'explode': use apply, revert, activate, canary, promote, hold or resume.");
        assertRefused("", FORM, new byte[0],
                "Say what to do: action=apply, revert, activate, canary, promote, hold or resume.");
        String unknownSlot = (String) console.post("", FORM, form("action", "revert", "slot", "NoSuchService"), 404)
                .get("message");
        assertTrue(unknownSlot, unknownSlot.startsWith("No slot matches 'NoSuchService'; the slots are: "));
        String unknownImpl = (String) console.post("", FORM, form("action", "activate", "slot", SLOT, "implementation",
                "no.such/9"), 400).get("message");
        assertTrue(unknownImpl, unknownImpl.startsWith(SLOT + " has no implementation 'no.such/9'"));
        before.assertUnchanged();
    }

    @Test
    public void aPostWithoutTheRightTokenIsRefusedAndChangesNothing() throws Exception {
        Snapshot before = new Snapshot();
        byte[] fix = Files.readAllBytes(Container.fixPatch().toPath());
        for (Map<String, String> headers : List.of(Map.of("Content-Type", JAR),
                Map.of("Content-Type", JAR, "X-Patchbay-Token", console.token() + "x"))) {
            HttpResponse<String> answer = http.post(PLUGIN + "?action=apply", "admin", Container.CONSOLE_PASSWORD,
                    headers, fix);
            assertEquals(answer.body(), 403, answer.statusCode());
            assertEquals(Boolean.FALSE, Json.object(answer.body()).get("ok"));
        }
        HttpResponse<String> revert = http.post(PLUGIN, "admin", Container.CONSOLE_PASSWORD,
                Map.of("Content-Type", FORM), form("action", "revert", "slot", SLOT, "token", "forged"));
        assertEquals(403, revert.statusCode());
        before.assertUnchanged();
        assertQuote("com.example.pricing.impl 1.0.0", "81.00");
    }

    /** Bundles, routes and ledger as they were. */
    private final class Snapshot {
        private final List<String> bundles = Fixtures.bundles(context);
        private final List<String> routes = Fixtures.routes(manager);
        private final int ledger = manager.history(null).size();

        void assertUnchanged() {
            assertEquals("bundles", bundles, Fixtures.bundles(context));
            assertEquals("routes", routes, Fixtures.routes(manager));
            assertEquals("ledger", ledger, manager.history(null).size());
        }
    }

    private void assertRefused(String query, String type, byte[] body, String message) {
        assertEquals(message, console.post(query, type, body, 400).get("message"));
    }

    private static Map<String, Object> slot(Map<String, Object> state) {
        return list(state.get("slots")).stream().map(PatchesConsole::map).filter(s -> SLOT.equals(s.get("id")))
                .findFirst().orElseThrow(() -> new AssertionError("no slot " + SLOT + " in " + state));
    }

    private void assertQuote(String servedBy, String total) {
        Map<String, Object> quote = Json.object(http.get("/pricing/quote?sku=WIDGET&qty=10").body());
        assertEquals(servedBy, quote.get("servedBy"));
        assertEquals(total, quote.get("total").toString());
    }
}
