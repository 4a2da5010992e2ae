package io.patchbay.launcher.storm;

import static io.patchbay.launcher.ConsoleClient.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchbay.launcher.ConsoleClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Patches page's JSON API (docs/webconsole.md), as a script uses it: {@code GET patches.json} for the token and
 * the state, {@code POST patches} for the actions. 200 is a change, 409 nothing to do, 400 and 404 a refusal with
 * the manager's sentence; anything else is a failure. The ledger's actor is {@code webconsole:admin}.
 */
public final class ConsoleFrontEnd implements FrontEnd {

    private final ConsoleClient client;

    public ConsoleFrontEnd(int port, String password, Duration timeout) {
        this.client = new ConsoleClient("http://127.0.0.1:" + port, password, timeout);
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
            case APPLY -> client.post(client.request("/patches?action=apply&name=" + Path.of(target).getFileName()
                    + (slot.applyNamesSlot() ? "&slot=" + encode(slot.id()) : ""))
                    .header("Content-Type", "application/java-archive").header("X-Patchbay-Reason", encode(tag))
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of(target))));
            case ACTIVATE -> client.form("action=activate&implementation=" + encode(target) + "&" + form);
            case CANARY -> client.form("action=canary&implementation=" + encode(target) + "&minStepMillis=600000&"
                    + form);
            default -> client.form("action=" + action.name().toLowerCase() + "&" + form);
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
        return client.patches(ledger);
    }

    /** The console's list of bundles: {@code data[]} with id, symbolicName, version, state. */
    public JsonNode bundles() throws IOException, InterruptedException {
        return client.bundles();
    }


    @Override
    public void close() {
        // the HTTP client holds nothing that needs closing on Java 17
    }
}
