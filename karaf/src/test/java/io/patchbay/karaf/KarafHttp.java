package io.patchbay.karaf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/** Plain HTTP to the Karaf instance's Jetty, as {@code curl} would: the example's endpoint and the web console. */
final class KarafHttp {

    private static final Duration SERVE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final Supplier<String> logTail;

    KarafHttp(int port, Supplier<String> logTail) {
        this.port = port;
        this.logTail = logTail;
    }

    /** The status code, a space and the body of {@code GET path}. */
    String get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    String get(String path) throws IOException, InterruptedException {
        return get(path, Map.of());
    }

    /** {@code GET path} as a console user (basic authentication). */
    String getAs(String user, String password, String path) throws IOException, InterruptedException {
        return get(path, basic(user, password));
    }

    /** A POST of a urlencoded form with the given headers; the status code, a space and the body. */
    String post(String path, String form, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The answer once it is a 200 containing {@code expected}: after an install or a start it needs a moment. */
    String awaitAnswer(String path, String expected, Map<String, String> headers) throws InterruptedException {
        Instant deadline = Instant.now().plus(SERVE);
        String last = "(no answer)";
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(path, headers);
                if (last.startsWith("200 ") && last.contains(expected)) {
                    return last;
                }
            } catch (IOException notServingYet) {
                last = notServingYet.toString();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(path + " did not answer " + expected + " within " + SERVE + "; last: " + last
                + "\n" + logTail.get());
    }
}
