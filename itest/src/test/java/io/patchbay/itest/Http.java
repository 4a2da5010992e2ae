package io.patchbay.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;

/** Real HTTP calls against the container's Jetty, on the port the framework was given. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Http(BundleContext context) {
        this.base = "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port");
    }

    /** For a framework the test started itself (no bundle context at hand). */
    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with request headers of its own ({@code Accept}, say). */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> get(String path, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + token).GET());
    }

    /** POSTs {@code body} with basic auth and {@code headers} (Content-Type among them, if the body has one). */
    public HttpResponse<String> post(String path, String user, String password, Map<String, String> headers,
            byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** A {@code multipart/form-data} body: text {@code fields}, then one file part. */
    public static byte[] multipart(String boundary, Map<String, String> fields, String fileField, String fileName,
            byte[] content) {
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Polls {@code path} until it answers {@code status}, or fails after {@code timeout}. */
    public HttpResponse<String> await(String path, int status, Duration timeout) {
        return await(path, () -> get(path), status, timeout);
    }

    /** Polls {@code path} as a console user until it answers {@code status}, or fails after {@code timeout}. */
    public HttpResponse<String> await(String path, String user, String password, int status, Duration timeout) {
        return await(path, () -> get(path, user, password), status, timeout);
    }

    private static HttpResponse<String> await(String path, Supplier<HttpResponse<String>> request, int status,
            Duration timeout) {
        Deadline deadline = new Deadline(timeout);
        HttpResponse<String> last = null;
        while (!deadline.passed()) {
            try {
                last = request.get();
                if (last.statusCode() == status) {
                    return last;
                }
            } catch (IllegalStateException notYetListening) {
                // Jetty not bound yet
            }
            deadline.pause();
        }
        throw new AssertionError(path + " did not answer " + status + " within " + timeout + "; last answer: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
