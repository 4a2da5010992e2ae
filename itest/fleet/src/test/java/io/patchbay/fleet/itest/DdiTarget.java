package io.patchbay.fleet.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A raw DDI v1 device, for the smoke test only: it proves the server and the wire formats that the fleet agent
 * bundle codes against (see {@code DDI-NOTES.md}). Each method is one HTTP exchange; no state but the identity.
 */
final class DdiTarget {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    final String controllerId;

    DdiTarget(String serverUrl, String tenant, String controllerId, String gatewayToken) {
        this.base = serverUrl + "/" + tenant + "/controller/v1/" + controllerId;
        this.controllerId = controllerId;
        this.token = gatewayToken;
    }

    /** An HTTP answer: status and body text. */
    record Answer(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** The poll: {@code config.polling.sleep} and {@code _links} (deploymentBase, cancelAction, configData). */
    Answer poll() throws IOException {
        return exchange(request(base).GET());
    }

    /** Follows a link from an answer ({@code _links.NAME.href}); null where the answer has no such link. */
    Answer follow(JsonNode answer, String link) throws IOException {
        JsonNode href = answer.path("_links").path(link).path("href");
        return href.isMissingNode() ? null : exchange(request(href.asText()).GET());
    }

    /** Downloads an artifact through its {@code download-http} link. */
    byte[] download(JsonNode artifact) throws IOException {
        HttpRequest request = request(artifact.path("_links").path("download-http").path("href").asText()).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("download answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Feedback on a deployment: {@code execution} e.g. proceeding/closed, {@code finished} none/success/failure. */
    Answer deploymentFeedback(long actionId, String execution, String finished, String detail) throws IOException {
        return post(base + "/deploymentBase/" + actionId + "/feedback", feedback(actionId, execution, finished, detail));
    }

    /** Feedback on a cancellation: closed + success confirms it. */
    Answer cancelFeedback(long actionId, String execution, String finished, String detail) throws IOException {
        return post(base + "/cancelAction/" + actionId + "/feedback", feedback(actionId, execution, finished, detail));
    }

    /** Target attributes ({@code mode}: merge, replace, remove; null leaves hawkBit's default, merge). */
    Answer configData(Map<String, String> data, String mode) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", JSON.valueToTree(data));
        if (mode != null) {
            body.put("mode", mode);
        }
        return exchange(request(base + "/configData").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A poll with another token than this target's: for the failure codes. */
    Answer pollWithToken(String otherToken) throws IOException {
        return exchange(HttpRequest.newBuilder(URI.create(base)).header("Authorization", "GatewayToken " + otherToken)
                .header("Accept", "application/hal+json").GET());
    }

    // 0.3.0M7 wants the action id in the body, equal to the one in the path (else 404); "time" is optional
    private static ObjectNode feedback(long actionId, String execution, String finished, String detail) {
        ObjectNode body = JSON.createObjectNode().put("id", actionId);
        ObjectNode status = body.putObject("status").put("execution", execution);
        status.putObject("result").put("finished", finished);
        if (detail != null) {
            status.putArray("details").add(detail);
        }
        return body;
    }

    private Answer post(String url, JsonNode body) throws IOException {
        return exchange(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "GatewayToken " + token)
                .header("Accept", "application/hal+json").timeout(Duration.ofSeconds(30));
    }

    private Answer exchange(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
