package io.patchbay.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The web console of a running launcher over HTTP, as admin: {@code GET patches.json} and the console's own lists,
 * and the Patches page's actions ({@code POST patches}, with the token {@code patches.json} hands out), as a
 * script uses them (docs/webconsole.md). {@link ConsoleApi} and the storm's console operator share it.
 */
public final class ConsoleClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String console;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base {@code http://host:port} */
    public ConsoleClient(String base, String password, Duration timeout) {
        this.console = base + "/system/console";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    /** {@code patches.json} with {@code ledger} entries ({@code all}, {@code 0}, a number). */
    public JsonNode patches(String ledger) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(request("/patches.json?ledger=" + ledger).GET());
        if (answer.statusCode() != 200) {
            throw new IOException("patches.json answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** The console's own list of bundles ({@code bundles.json}): {@code data[]} with id, symbolicName, version, state. */
    public JsonNode bundles() throws IOException, InterruptedException {
        return JSON.readTree(send(request("/bundles.json").GET()).body());
    }

    /** Posts a urlencoded action form to the Patches page; answers its JSON answer. */
    public JsonNode form(String body) throws IOException, InterruptedException {
        return post(request("/patches").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends an action (a {@link #request} to {@code /patches...}) with the page's token; answers its JSON answer. */
    public JsonNode post(HttpRequest.Builder request) throws IOException, InterruptedException {
        String token = send(request("/patches.json?ledger=0").GET()).headers().firstValue("X-Patchbay-Token")
                .orElseThrow(() -> new IOException("no X-Patchbay-Token header"));
        HttpResponse<String> answer = send(request.header("X-Patchbay-Token", token));
        if (!answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
            throw new IOException("The console answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** A request to {@code /system/console} plus {@code path}, as admin. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(console + path)).timeout(timeout)
                .header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
