package io.patchbay.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The agent's side of hawkBit's Direct Device Integration API v1, over plain HTTP: the container polls, so nothing
 * listens and it works behind a firewall. Every request has a timeout; an answer other than 2xx is an
 * {@link IOException} that names the status.
 */
final class DdiClient {

    /** Feedback {@code execution} values. */
    static final String PROCEEDING = "proceeding";
    static final String CLOSED = "closed";
    /** Feedback {@code result.finished} values. */
    static final String NONE = "none";
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final String base;
    private final String authorization;
    private final Duration requestTimeout;
    private final long defaultSleepMillis;

    DdiClient(FleetConfiguration configuration, String controllerId) {
        String url = configuration.url().endsWith("/") ? configuration.url().substring(0,
                configuration.url().length() - 1) : configuration.url();
        this.base = url + "/" + encode(configuration.tenant()) + "/controller/v1/" + encode(controllerId);
        boolean own = configuration.targetToken() != null && !configuration.targetToken().isBlank();
        this.authorization = own ? "TargetToken " + configuration.targetToken().trim()
                : configuration.gatewayToken() == null || configuration.gatewayToken().isBlank() ? null
                        : "GatewayToken " + configuration.gatewayToken().trim();
        this.requestTimeout = Duration.ofMillis(configuration.requestTimeoutMs());
        this.defaultSleepMillis = configuration.pollMs();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(configuration.connectTimeoutMs()))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The controller's base resource, {@code <url>/<tenant>/controller/v1/<controllerId>}. */
    String base() {
        return base;
    }

    Ddi.Poll poll() throws IOException, InterruptedException {
        return Ddi.Poll.of(get(base), defaultSleepMillis);
    }

    Ddi.Deployment deployment(String href) throws IOException, InterruptedException {
        return Ddi.Deployment.of(get(href));
    }

    Ddi.Cancel cancel(String href) throws IOException, InterruptedException {
        return Ddi.Cancel.of(get(href));
    }

    /** The artifact's bytes; the caller closes the stream. The timeout grows with the artifact's size. */
    InputStream download(Ddi.Artifact artifact) throws IOException, InterruptedException {
        long megabytes = Math.max(1, artifact.size() / (1024 * 1024));
        HttpResponse<InputStream> response = send(request(artifact.href(), requestTimeout.multipliedBy(megabytes))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        return response.body();
    }

    /** Posts one feedback of a deployment action: {@code proceeding} with {@code none}, or {@code closed}. */
    void deploymentFeedback(long actionId, String execution, String finished, List<String> details)
            throws IOException, InterruptedException {
        post(base + "/deploymentBase/" + actionId + "/feedback", feedback(actionId, execution, finished, details));
    }

    /** Confirms a cancel order ({@code closed}, {@code success}): the action it stopped is stopped. */
    void cancelFeedback(long cancelId, String finished, List<String> details)
            throws IOException, InterruptedException {
        post(base + "/cancelAction/" + cancelId + "/feedback", feedback(cancelId, CLOSED, finished, details));
    }

    /** Replaces the target's attributes on the server. */
    void configData(Map<String, String> attributes) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("mode", "replace");
        body.set("data", json.valueToTree(attributes));
        put(base + "/configData", body);
    }

    private ObjectNode feedback(long id, String execution, String finished, List<String> details) {
        ObjectNode body = json.createObjectNode();
        body.put("id", id); // must equal the action id of the path (hawkBit answers 404 otherwise)
        body.put("time", TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        ObjectNode status = body.putObject("status");
        status.put("execution", execution);
        status.putObject("result").put("finished", finished);
        status.set("details", json.valueToTree(details));
        return body;
    }

    private JsonNode get(String href) throws IOException, InterruptedException {
        HttpRequest request = request(href, requestTimeout).header("Accept", "application/hal+json")
                .GET().build();
        return json.readTree(send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    private void post(String href, JsonNode body) throws IOException, InterruptedException {
        send(request(href, requestTimeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private void put(String href, JsonNode body) throws IOException, InterruptedException {
        send(request(href, requestTimeout).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest.Builder request(String href, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(href)).timeout(timeout);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(request, handler);
        if (response.statusCode() / 100 != 2) {
            if (response.body() instanceof InputStream stream) {
                stream.close();
            }
            throw new Refused(response.statusCode(), "The server answered " + response.statusCode() + " to "
                    + request.method() + " " + request.uri().getPath() + ".");
        }
        return response;
    }

    /** The server answered, with a status other than 2xx. */
    static final class Refused extends IOException {

        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        /** A 4xx: asking again will not help. */
        boolean final4xx() {
            return status / 100 == 4 && status != 408 && status != 429;
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
