package io.patchbay.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The web console's Patches plugin driven over real HTTP as its page drives it: the JSON state (which carries the
 * CSRF token) and the POSTed actions, each answer checked for its status and its JSON {@code ok}/{@code status}.
 */
public final class PatchesConsole {

    public static final String JSON = "/system/console/patches.json";
    public static final String PLUGIN = "/system/console/patches";
    public static final String JAR = "application/java-archive";
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String USER = "admin";

    private final Http http;
    private final String token;

    /** Waits until the console has the plugin (it registers a moment after the manager) and reads its token. */
    public PatchesConsole(Http http) {
        this.http = http;
        this.token = (String) state().get("token");
    }

    public String token() {
        return token;
    }

    /** The state as JSON, once the console answers it. */
    public Map<String, Object> state() {
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        HttpResponse<String> answer = http.get(JSON, USER, Container.CONSOLE_PASSWORD);
        while (answer.statusCode() != 200 && !deadline.passed()) {
            deadline.pause();
            answer = http.get(JSON, USER, Container.CONSOLE_PASSWORD);
        }
        assertEquals(answer.body(), 200, answer.statusCode());
        return Json.object(answer.body());
    }

    /** POSTs an action with the token; asserts the HTTP status, the JSON type, {@code ok} and {@code status}. */
    public Map<String, Object> post(String query, String type, byte[] body, int status) {
        return post(query, type, body, Map.of(), status);
    }

    public Map<String, Object> post(String query, String type, byte[] body, Map<String, String> extraHeaders,
            int status) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", type);
        headers.put("X-Patchbay-Token", token);
        HttpResponse<String> answer = http.post(PLUGIN + query, USER, Container.CONSOLE_PASSWORD, headers, body);
        assertEquals(answer.body(), status, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        Map<String, Object> result = Json.object(answer.body());
        assertEquals(status == 200, result.get("ok"));
        assertEquals(status, number(result, "status"));
        return result;
    }

    /** An {@code application/x-www-form-urlencoded} body of name, value pairs. */
    public static byte[] form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static int number(Map<String, Object> map, String field) {
        return ((Number) Objects.requireNonNull(map.get(field), field)).intValue();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) Objects.requireNonNull(value);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) Objects.requireNonNull(value);
    }
}
