package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Checks that the launcher keeps the console's secret: no default login, no clear text left on disk. */
final class ConsoleSecrets {

    private ConsoleSecrets() {
    }

    /**
     * From the process start until the banner: the console never lets admin/admin in, also not in the instant
     * before its configuration (with the real password) arrives from ConfigAdmin.
     */
    static void assertAdminAdminRefusedUntilTheBanner(LauncherProcess process, int port, String console,
            Duration timeout) throws InterruptedException, IOException {
        String banner = "Web console: http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + timeout.toNanos();
        int answers = 0;
        while (!process.awaitLine(line -> line.contains(banner), Duration.ofMillis(20)) && System.nanoTime() < deadline) {
            try {
                int status = Http.get("http://127.0.0.1:" + port + console, "admin", "admin").status();
                assertTrue("admin/admin answered " + status, status != 200);
                answers++;
            } catch (IOException notListeningYet) {
                // Jetty not bound yet
            }
        }
        int status = Http.get("http://127.0.0.1:" + port + console, "admin", "admin").status();
        assertEquals("after the banner (" + answers + " answers before)", 401, status);
    }

    /** Files of the data folder (Felix cache and ConfigAdmin's store among them) whose bytes contain the text. */
    static List<Path> filesContaining(Path data, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                        found.add(file);
                        break;
                    }
                }
            }
        }
        return found;
    }
}
