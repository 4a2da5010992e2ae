package io.patchbay.launcher.storm;

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
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Patches page's JSON API (docs/webconsole.md), as a script uses it: {@code GET patches.json} for the token and
 * the state, {@code POST patches} for the actions. 200 is a change, 409 nothing to do, 400 and 404 a refusal with
 * the manager's sentence; anything else is a failure. The ledger's actor is {@code webconsole:admin}.
 */
public final class ConsoleFrontEnd implements FrontEnd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String console;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConsoleFrontEnd(int port, String password, Duration timeout) {
        this.console = "http://127.0.0.1:" + port + "/system/console";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public String actor() {
        return "webconsole:admin";
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.allOf(Action.class);
    }

    @Override
    public Answer run(Action action, StormSlot slot, String target, String tag) throws Exception {
        String form = "slot=" + encode(slot.id()) + "&reason=" + encode(tag);
        JsonNode answer = switch (action) {
            case APPLY -> post(request("/patches?action=apply&name=" + Path.of(target).getFileName()
                    + (slot.applyNamesSlot() ? "&slot=" + encode(slot.id()) : ""))
                    .header("Content-Type", "application/java-archive").header("X-Patchbay-Reason", encode(tag))
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of(target))));
            case ACTIVATE -> form("action=activate&implementation=" + encode(target) + "&" + form);
            case CANARY -> form("action=canary&implementation=" + encode(target) + "&minStepMillis=600000&" + form);
            default -> form("action=" + action.name().toLowerCase() + "&" + form);
        };
        int status = answer.path("status").asInt();
        String message = answer.path("message").asText();
        return switch (status) {
            case 200 -> new Answer(Outcome.CHANGED, message);
            case 409 -> new Answer(Outcome.UNCHANGED, message);
            case 400, 404 -> new Answer(Outcome.REFUSED, message);
            default -> throw new IOException("The console answered " + answer);
        };
    }

    /** {@code patches.json} with the whole ledger. */
    public JsonNode patches() throws IOException, InterruptedException {
        return patches("all");
    }

    /** {@code patches.json} without the ledger: the slots and canaries. */
    public JsonNode slots() throws IOException, InterruptedException {
        return patches("0");
    }

    private JsonNode patches(String ledger) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(request("/patches.json?ledger=" + ledger).GET());
        if (answer.statusCode() != 200) {
            throw new IOException("patches.json answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** The console's list of bundles: {@code data[]} with id, symbolicName, version, state. */
    public JsonNode bundles() throws IOException, InterruptedException {
        return JSON.readTree(send(request("/bundles.json").GET()).body());
    }

    private JsonNode form(String body) throws IOException, InterruptedException {
        return post(request("/patches").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode post(HttpRequest.Builder request) throws IOException, InterruptedException {
        String token = send(request("/patches.json?ledger=0").GET()).headers().firstValue("X-Patchbay-Token")
                .orElseThrow(() -> new IOException("no X-Patchbay-Token header"));
        HttpResponse<String> answer = send(request.header("X-Patchbay-Token", token));
        if (!answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
            throw new IOException("The console answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(console + path)).timeout(timeout)
                .header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // the HTTP client holds nothing that needs closing on Java 17
    }
}
