package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;

/**
 * {@code POST /system/console/patches/check} over real HTTP: the dry run with apply's body and token, answered
 * with the status apply would answer and apply's sentence; nothing changes.
 */
public class CheckConsoleIT extends ContainerTest {

    private static final String CHECK = "/system/console/patches/check";
    private static final String JAR = "application/java-archive";

    private Http http;
    private String token;

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        if (!ORIGINAL.equals(manager.slot(SLOT).active.id)) {
            manager.revert(SLOT, "test setup", "itest");
        }
        Fixtures.removePatches(context);
        http = new Http(context);
        HttpResponse<String> state = http.get("/system/console/patches.json", "admin", Container.CONSOLE_PASSWORD);
        token = (String) Json.object(state.body()).get("token");
    }

    @Test
    public void theExamplePatchWouldApplyAndTheAnswerSaysWhereAndHowItResolves() throws Exception {
        byte[] fix = Files.readAllBytes(Container.fixPatch().toPath());
        Map<String, Object> answer = check("?name=fix.jar", JAR, fix, Map.of(), 200);
        String message = "fix.jar would be applied: " + SLOT + " would run " + FIXED + " instead of " + ORIGINAL + ".";
        assertEquals(message, answer.get("message"));
        Map<String, Object> check = map(answer.get("check"));
        assertEquals(message, check.get("message"));
        assertEquals("install", check.get("action"));
        assertEquals(SLOT, check.get("slot"));
        assertEquals(List.of(SLOT), check.get("candidates"));
        assertEquals(ORIGINAL, check.get("replaces"));
        assertEquals(FIXED, check.get("becomes"));
        assertEquals(Boolean.TRUE, check.get("resolved"));
        assertTrue(check.toString(), ((List<?>) check.get("wires")).contains(
                "package com.example.pricing.api 1.0.0 from com.example.pricing.api/1.0.0"));
        assertEquals(Jars.sha256(Container.fixPatch()), check.get("checksum"));
        assertNull(check.get("signer"));
        assertEquals(-1, ((Number) check.get("installedBundleId")).intValue());

        manager.apply(Container.fixPatch().getPath(), null, "itest");
        Map<String, Object> again = check("", "multipart/form-data; boundary=pb", Http.multipart("pb",
                new LinkedHashMap<>(), "patch", "fix.jar", fix), Map.of(), 409);
        assertEquals(FIXED + " is already applied to " + SLOT + "; apply would change nothing.", again.get("message"));
        assertEquals("none", map(again.get("check")).get("action"));
    }

    @Test
    public void aRefusalIsApplysSentenceWithApplysStatus() throws Exception {
        byte[] text = "not a jar at all".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> refused = check("?name=notes.txt", JAR, text, Map.of(), 400);
        assertEquals("notes.txt is not a jar file.", refused.get("message"));
        assertNull(refused.get("check"));
        Map<String, Object> noSlot = check("?name=fix.jar&slot=Nope", JAR,
                Files.readAllBytes(Container.fixPatch().toPath()), Map.of(), 404);
        assertTrue(noSlot.toString(), ((String) noSlot.get("message")).startsWith("No slot matches 'Nope'"));
    }

    @Test
    public void withoutTheTokenNothingIsRead() throws Exception {
        List<String> bundles = Fixtures.bundles(context);
        HttpResponse<String> answer = http.post(CHECK + "?name=fix.jar", "admin", Container.CONSOLE_PASSWORD,
                Map.of("Content-Type", JAR), Files.readAllBytes(Container.fixPatch().toPath()));
        assertEquals(403, answer.statusCode());
        assertEquals(bundles, Fixtures.bundles(context));
    }

    private Map<String, Object> check(String query, String type, byte[] body, Map<String, String> extra, int status) {
        List<String> bundles = Fixtures.bundles(context);
        List<String> routes = Fixtures.routes(manager);
        int ledger = manager.history(null).size();
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Content-Type", type);
        headers.put("X-Patchbay-Token", token);
        HttpResponse<String> answer = http.post(CHECK + query, "admin", Container.CONSOLE_PASSWORD, headers, body);
        assertEquals(answer.body(), status, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        Map<String, Object> result = Json.object(answer.body());
        assertEquals(status == 200, result.get("ok"));
        assertEquals(status, ((Number) result.get("status")).intValue());
        assertEquals("bundles", bundles, Fixtures.bundles(context));
        assertEquals("routes", routes, Fixtures.routes(manager));
        assertEquals("ledger", ledger, manager.history(null).size());
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
