package io.patchbay.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the launcher process tests share: free ports, a temporary folder deleted with all it holds. Public for the
 * storm driver (io.patchbay.launcher.storm).
 */
public final class TestResources {

    private TestResources() {
    }

    public static void deleteTree(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * A private copy of the file a system property names (failsafe hands the built jars in), so that a concurrent
     * rebuild cannot pull classes from under a running launcher.
     */
    static Path privateCopy(String property, String fallback, String prefix) throws IOException {
        Path copy = Files.createTempFile(prefix, ".jar");
        Files.copy(Path.of(System.getProperty(property, fallback)), copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** A port free on loopback now. */
    static int freePort() throws IOException {
        return freePorts(1).get(0);
    }

    /** Ports free on loopback now, all different: held open together while they are chosen. */
    public static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
