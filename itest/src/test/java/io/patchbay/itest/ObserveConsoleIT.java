package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The console's trace and retirement report over real HTTP: {@code POST patches/trace} with the page's token,
 * then {@code patches/trace.json} polled from the last call read, as the page's table fills; and
 * {@code patches/retired.json}.
 */
public class ObserveConsoleIT extends ContainerTest {

    private static final String BASE = "/system/console/patches";

    @Test
    public void aTraceStartedFromTheConsoleFillsItsTableAndStopsByItself() throws Exception {
        Fixtures.removePatches(context);
        Http http = new Http(context);
        String token = (String) Json.object(http.get(BASE + ".json", "admin", Container.CONSOLE_PASSWORD).body())
                .get("token");
        assertEquals("without the token nothing starts", 403, http.post(BASE + "/trace", "admin",
                Container.CONSOLE_PASSWORD, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                ("slot=" + SLOT + "&calls=2&seconds=30").getBytes(StandardCharsets.UTF_8)).statusCode());
        HttpResponse<String> started = http.post(BASE + "/trace", "admin", Container.CONSOLE_PASSWORD,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Patchbay-Token", token),
                ("slot=" + SLOT + "&calls=2&seconds=30").getBytes(StandardCharsets.UTF_8));
        assertEquals(started.body(), 200, started.statusCode());
        Map<String, Object> trace = Json.object(started.body());
        assertEquals(SLOT, trace.get("slot"));
        assertEquals(false, trace.get("done"));
        Object id = trace.get("id");
        assertEquals(200, http.get("/pricing/quote?sku=WIDGET&qty=10").statusCode());
        assertEquals(200, http.get("/pricing/quote?sku=WIDGET&qty=10").statusCode());
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        int next = 0;
        Map<String, Object> part;
        do {
            assertFalse("the trace did not stop at 2 calls", deadline.passed());
            part = Json.object(http.get(BASE + "/trace.json?id=" + id + "&from=" + next, "admin",
                    Container.CONSOLE_PASSWORD).body());
            next = ((Number) part.get("next")).intValue();
        } while (!Boolean.TRUE.equals(part.get("done")));
        assertEquals(2, next);
        assertEquals("2 calls recorded.", part.get("stopped"));
        Map<String, Object> all = Json.object(http.get(BASE + "/trace.json?id=" + id + "&from=0", "admin",
                Container.CONSOLE_PASSWORD).body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> calls = (List<Map<String, Object>>) all.get("calls");
        assertEquals(2, calls.size());
        for (Map<String, Object> call : calls) {
            assertEquals("com.example.pricing.web/1.0.0", call.get("consumer"));
            assertEquals(ORIGINAL, call.get("implementation"));
            assertEquals(null, call.get("exception"));
        }

        HttpResponse<String> retired = http.get(BASE + "/retired.json?wait=0", "admin", Container.CONSOLE_PASSWORD);
        assertEquals(retired.body(), 200, retired.statusCode());
        assertTrue(retired.body(), retired.body().contains("\"implementation\":\"" + ORIGINAL + "\""));
        assertTrue(retired.body(), retired.body().contains("\"state\":\"active\""));
        assertEquals("an unknown trace is a bad request", 400, http.get(BASE + "/trace.json?id=99999", "admin",
                Container.CONSOLE_PASSWORD).statusCode());
    }
}
