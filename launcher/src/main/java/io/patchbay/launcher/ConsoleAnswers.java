package io.patchbay.launcher;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The banner says where the console is, so it waits until the console answers there. The console's servlet is
 * registered a moment before the HTTP whiteboard serves it (and once more when its configuration arrives): until
 * then {@code /system/console/} answers 404. Answered once it asks for a login (401).
 */
final class ConsoleAnswers {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private ConsoleAnswers() {
    }

    /** Waits, at most {@code timeout}, until the console asks for a login; answers whether it did. */
    static boolean await(LauncherConfig config, Duration timeout) throws InterruptedException {
        String host = config.httpHost() == null || config.httpHost().isBlank() || config.httpHost().equals("0.0.0.0")
                ? "127.0.0.1" : config.httpHost();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (status(host, config.httpPort()) == HttpURLConnection.HTTP_UNAUTHORIZED) {
                return true;
            }
            TimeUnit.NANOSECONDS.sleep(POLL_NANOS); // the polling interval of a bounded wait for a port
        }
        return false;
    }

    private static int status(String host, int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http", host, port, "/system/console/")
                    .openConnection();
            connection.setConnectTimeout(1_000);
            connection.setReadTimeout(2_000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return -1;
        }
    }
}
