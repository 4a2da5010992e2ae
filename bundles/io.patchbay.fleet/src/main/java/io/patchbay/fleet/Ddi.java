package io.patchbay.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the hawkBit DDI v1 API answers, read from its JSON: the poll's links and interval, a deployment's artifacts
 * and a cancel order. Unknown fields are ignored, as the API asks of its clients.
 */
final class Ddi {

    private Ddi() {
    }

    /** A poll's answer: how long to sleep, and what the server asks for (each link {@code null} when it does not). */
    record Poll(long sleepMillis, String deploymentHref, String cancelHref, String configDataHref) {

        static Poll of(JsonNode root, long defaultSleepMillis) {
            JsonNode links = root.path("_links");
            return new Poll(Ddi.sleepMillis(root.path("config").path("polling").path("sleep").asText(null),
                    defaultSleepMillis), href(links, "deploymentBase"), href(links, "cancelAction"),
                    href(links, "configData"));
        }
    }

    /** One artifact of a deployment: a patch jar, with its hashes and download link. */
    record Artifact(String module, String moduleVersion, String filename, long size, String sha256, String sha1,
            String href) {
    }

    /** A deployment: the action and every artifact of the distribution set, in the server's order. */
    record Deployment(long actionId, List<Artifact> artifacts) {

        static Deployment of(JsonNode root) {
            List<Artifact> artifacts = new ArrayList<>();
            for (JsonNode chunk : root.path("deployment").path("chunks")) {
                for (JsonNode artifact : chunk.path("artifacts")) {
                    JsonNode links = artifact.path("_links");
                    String href = href(links, "download-http");
                    artifacts.add(new Artifact(chunk.path("name").asText(), chunk.path("version").asText(),
                            artifact.path("filename").asText(), artifact.path("size").asLong(-1),
                            text(artifact.path("hashes"), "sha256"), text(artifact.path("hashes"), "sha1"),
                            href != null ? href : href(links, "download")));
                }
            }
            return new Deployment(root.path("id").asLong(), List.copyOf(artifacts));
        }
    }

    /** A cancel order: its own action id, and the id of the action it stops. */
    record Cancel(long actionId, long stopId) {

        static Cancel of(JsonNode root) {
            return new Cancel(root.path("id").asLong(), root.path("cancelAction").path("stopId").asLong());
        }
    }

    /** {@code HH:mm:ss} as hawkBit writes the polling interval; the default when absent or unreadable. */
    static long sleepMillis(String hhmmss, long defaultMillis) {
        if (hhmmss == null) {
            return defaultMillis;
        }
        String[] parts = hhmmss.split(":");
        if (parts.length != 3) {
            return defaultMillis;
        }
        try {
            return Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                    .plusSeconds(Long.parseLong(parts[2])).toMillis();
        } catch (NumberFormatException e) {
            return defaultMillis;
        }
    }

    private static String href(JsonNode links, String name) {
        return text(links.path(name), "href");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
