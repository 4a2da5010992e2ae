package io.patchbay.launcher.docs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The few hawkBit DDI v1 answers a fleet agent needs to carry out one deployment, so that docs/fleet.md's
 * {@code patch:fleet} sample comes from the real agent in a real launcher without a hawkBit server (which takes
 * 30-40 s and 400 MB to start: itest/fleet's FleetIT runs the real one). The formats are those hawkBit 0.3 answers,
 * as DdiFormatsIT pins them: a poll with a {@code deploymentBase} link, the deployment with one chunk and one
 * artifact (size, SHA-256, {@code download-http}), the artifact, and feedback taken with 200.
 */
final class DdiStub implements AutoCloseable {

    static final String TENANT = "DEFAULT";

    private final HttpServer server;
    private final byte[] artifact;

    private DdiStub(HttpServer server, byte[] artifact) {
        this.server = server;
        this.artifact = artifact;
    }

    /** Serves action {@code actionId}: the patch jar {@code jar}, until the agent reports it closed. */
    static DdiStub serving(long actionId, Path jar, String moduleName, String moduleVersion) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DdiStub stub = new DdiStub(server, Files.readAllBytes(jar));
        String file = jar.getFileName().toString();
        server.createContext("/", exchange -> stub.answer(exchange, actionId, file, moduleName, moduleVersion));
        server.start();
        return stub;
    }

    /** {@code http://127.0.0.1:<port>}: the agent's {@code url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, long actionId, String file, String module, String version)
            throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        String controller = path.split("/").length > 4 ? path.split("/")[4] : "";
        String base = url() + "/" + TENANT + "/controller/v1/" + controller;
        if (!exchange.getRequestMethod().equals("GET")) { // feedback and attributes: taken; the action stays open
            send(exchange, "application/json", new byte[0]);
        } else if (path.endsWith("/artifact")) {
            send(exchange, "application/octet-stream", artifact);
        } else if (path.contains("/deploymentBase/")) {
            send(exchange, "application/json", ("{\"id\":\"" + actionId + "\",\"deployment\":{\"download\":\"forced\","
                    + "\"update\":\"forced\",\"chunks\":[{\"part\":\"patchbay-patch\",\"version\":\"" + version
                    + "\",\"name\":\"" + module + "\",\"artifacts\":[{\"filename\":\"" + file + "\",\"hashes\":"
                    + "{\"sha256\":\"" + sha256() + "\"},\"size\":" + artifact.length + ",\"_links\":{\"download-http\":"
                    + "{\"href\":\"" + base + "/softwaremodules/1/artifacts/" + file + "/artifact\"}}}]}]}}")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, "application/hal+json", ("{\"config\":{\"polling\":{\"sleep\":\"00:00:01\"}},\"_links\":"
                    + "{\"deploymentBase\":{\"href\":\"" + base + "/deploymentBase/" + actionId + "?c=-1\"}}}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
