package io.patchbay.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Minimal HTTP GET and POST for the integration test, with optional basic authentication. */
public final class Http {

    /** A response: status and body (empty for error statuses). */
    public record Response(int status, String body) {
    }

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Http() {
    }

    public static Response get(String url, String user, String password) throws IOException {
        return send(url, user, password, null);
    }

    /** POSTs a form ({@code name=value&...}, already encoded). */
    public static Response post(String url, String user, String password, String form) throws IOException {
        return send(url, user, password, form);
    }

    private static Response send(String url, String user, String password, String form) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(5_000);
        if (user != null) {
            String token = Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            connection.setRequestProperty("Authorization", "Basic " + token);
        }
        if (form != null) {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (var out = connection.getOutputStream()) {
                out.write(form.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = "";
            if (body != null) {
                try (body) {
                    text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Response(status, text);
        } finally {
            connection.disconnect();
        }
    }

    /**
     * Polls until the URL answers with the status, or the deadline passes (connection refused counts as not yet);
     * the short park is only the polling interval of this deadline-bounded wait. Answers the last response, or a
     * status of -1 when nothing ever answered.
     */
    public static Response await(String url, String user, String password, int status, Duration timeout,
            LauncherProcess process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = new Response(-1, "");
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                last = get(url, user, password);
                if (last.status() == status) {
                    return last;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return last;
    }
}
