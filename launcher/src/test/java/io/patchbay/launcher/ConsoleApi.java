package io.patchbay.launcher;

import static io.patchbay.launcher.ConsoleClient.encode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Patchbay page's JSON API of a running launcher, as a script would use it (see docs/webconsole.md). */
final class ConsoleApi {

    static final String SLOT = "com.example.pricing.api.PriceService@1.0.0#pricing";

    private final ConsoleClient client;

    ConsoleApi(String base, String password) {
        this.client = new ConsoleClient(base, password, Duration.ofSeconds(30));
    }

    /** {@code patches.json} with the whole ledger. */
    JsonNode patches() throws IOException, InterruptedException {
        return client.patches("all");
    }

    /** The web console's own list of bundles ({@code bundles.json}): {@code data[]} with id, symbolicName, version. */
    JsonNode bundles() throws IOException, InterruptedException {
        return client.bundles();
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
        return client.post(client.request("/patches?action=apply&name=" + jar.getFileName())
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(jar)));
    }

    /** Starts a canary of a jar on 20 % of the calls, held at its step (the judge never steps by itself here). */
    JsonNode canary(Path jar) throws IOException, InterruptedException {
        return client.post(client.request("/patches?action=canary&name=" + jar.getFileName()
                + "&steps=20&minStepMillis=600000")
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(jar)));
    }

    JsonNode promote() throws IOException, InterruptedException {
        return client.form("action=promote&slot=" + encode(SLOT));
    }

    JsonNode revert() throws IOException, InterruptedException {
        return client.form("action=revert&slot=" + encode(SLOT));
    }

    JsonNode activate(String implementation) throws IOException, InterruptedException {
        return client.form("action=activate&slot=" + encode(SLOT) + "&implementation=" + encode(implementation));
    }

}
