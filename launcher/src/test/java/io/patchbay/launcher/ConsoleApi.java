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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The Patchbay page's JSON API of a running launcher, as a script would use it (see docs/webconsole.md). */
final class ConsoleApi {

    static final String SLOT = "com.example.pricing.api.PriceService@1.0.0#pricing";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String console;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ConsoleApi(String base, String password) {
        this.console = base + "/system/console";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code patches.json} with the whole ledger. */
    JsonNode patches() throws IOException, InterruptedException {
        HttpResponse<String> answer = send(request("/patches.json?ledger=all").GET());
        if (answer.statusCode() != 200) {
            throw new AssertionError("patches.json answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** The web console's own list of bundles ({@code bundles.json}): {@code data[]} with id, symbolicName, version. */
    JsonNode bundles() throws IOException, InterruptedException {
        return JSON.readTree(send(request("/bundles.json").GET()).body());
    }

    /** The pricing slot of {@link #patches()}. */
    JsonNode slot() throws IOException, InterruptedException {
        for (JsonNode slot : patches().get("slots")) {
            if (slot.get("id").asText().equals(SLOT)) {
                return slot;
            }
        }
        throw new AssertionError("no slot " + SLOT);
    }

    /** The pricing slot's ledger entries, oldest first. */
    List<JsonNode> ledger() throws IOException, InterruptedException {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : patches().get("ledger")) {
            if (SLOT.equals(entry.path("slot").asText(null))) {
                entries.add(0, entry);
            }
        }
        return entries;
    }

    /** Applies a jar as the request body; answers the console's JSON answer. */
    JsonNode apply(Path jar) throws IOException, InterruptedException {
        return post(request("/patches?action=apply&name=" + jar.getFileName())
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(jar)));
    }

    /** Starts a canary of a jar on 20 % of the calls, held at its step (the judge never steps by itself here). */
    JsonNode canary(Path jar) throws IOException, InterruptedException {
        return post(request("/patches?action=canary&name=" + jar.getFileName() + "&steps=20&minStepMillis=600000")
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(jar)));
    }

    JsonNode promote() throws IOException, InterruptedException {
        return form("action=promote&slot=" + encode(SLOT));
    }

    JsonNode revert() throws IOException, InterruptedException {
        return form("action=revert&slot=" + encode(SLOT));
    }

    JsonNode activate(String implementation) throws IOException, InterruptedException {
        return form("action=activate&slot=" + encode(SLOT) + "&implementation=" + encode(implementation));
    }

    private JsonNode form(String body) throws IOException, InterruptedException {
        return post(request("/patches").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode post(HttpRequest.Builder request) throws IOException, InterruptedException {
        String token = send(request("/patches.json").GET()).headers().firstValue("X-Patchbay-Token")
                .orElseThrow(() -> new AssertionError("no X-Patchbay-Token header"));
        return JSON.readTree(send(request.header("X-Patchbay-Token", token)).body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(console + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
