package io.patchbay.fleet.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The hawkBit Management API ({@code /rest/v1}, HTTP basic), one small method per call a rollout test needs.
 * Bodies as hawkBit 0.3.0M7 takes them; answers as Jackson trees. Every non-2xx answer throws
 * {@link MgmtException} with the status and hawkBit's error body.
 */
public final class Mgmt {

    /** Software module type of a patch bundle: one module per patch, many per distribution set. */
    public static final String PATCH_TYPE = "patchbay-patch";
    /** Software module type of the marker module that makes a baseline set (no patches) assignable. */
    public static final String BASELINE_TYPE = "patchbay-baseline";
    /** Distribution set type: both module types optional. */
    public static final String SET_TYPE = "patchbay";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String auth;

    public Mgmt(String baseUrl, String user, String password) {
        this.base = baseUrl + "/rest/v1";
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A non-2xx answer of the Management API. */
    public static final class MgmtException extends IOException {
        public final int status;

        MgmtException(String call, int status, String body) {
            super(call + " answered " + status + ": " + body);
            this.status = status;
        }
    }

    // --- tenant configuration

    /** Turns on DDI gateway-token authentication for the tenant with this key. */
    public void enableGatewayToken(String key) throws IOException {
        setConfig("authentication.gatewaytoken.enabled", JSON.getNodeFactory().booleanNode(true));
        setConfig("authentication.gatewaytoken.key", JSON.getNodeFactory().textNode(key));
    }

    public JsonNode setConfig(String key, JsonNode value) throws IOException {
        return send("PUT", "/system/configs/" + key, JSON.createObjectNode().set("value", value));
    }

    // --- types, modules, artifacts, sets

    /** Creates the two module types and the set type unless they exist; gives the set type's id. */
    public long ensureTypes() throws IOException {
        long patch = ensureModuleType(PATCH_TYPE, "Patchbay patch", 1000);
        long baseline = ensureModuleType(BASELINE_TYPE, "Patchbay baseline", 1);
        JsonNode found = get("/distributionsettypes?q=" + query("key==" + SET_TYPE)).path("content");
        if (found.size() > 0) {
            return found.get(0).get("id").asLong();
        }
        ObjectNode type = JSON.createObjectNode().put("key", SET_TYPE).put("name", "Patchbay patch set");
        ArrayNode optional = type.putArray("optionalmodules");
        optional.addObject().put("id", patch);
        optional.addObject().put("id", baseline);
        return first(send("POST", "/distributionsettypes", JSON.createArrayNode().add(type))).get("id").asLong();
    }

    public long ensureModuleType(String key, String name, int maxAssignments) throws IOException {
        JsonNode found = get("/softwaremoduletypes?q=" + query("key==" + key)).path("content");
        if (found.size() > 0) {
            return found.get(0).get("id").asLong();
        }
        ObjectNode type = JSON.createObjectNode().put("key", key).put("name", name).put("maxAssignments", maxAssignments);
        return first(send("POST", "/softwaremoduletypes", JSON.createArrayNode().add(type))).get("id").asLong();
    }

    /** A software module of {@code type}: for a patch, name = bundle symbolic name, version = bundle version. */
    public long createModule(String type, String name, String version) throws IOException {
        ObjectNode module = JSON.createObjectNode().put("name", name).put("version", version).put("type", type);
        return first(send("POST", "/softwaremodules", JSON.createArrayNode().add(module))).get("id").asLong();
    }

    /** Uploads a file as an artifact of the module (multipart, part {@code file}); gives hawkBit's artifact. */
    public JsonNode uploadArtifact(long moduleId, Path file) throws IOException {
        String boundary = "----fleet" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        // one byte array (patch jars are small): BodyPublishers.concat with ofFile once sent too few bytes here
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(head);
        bytes.write(java.nio.file.Files.readAllBytes(file));
        bytes.write(tail);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray());
        return exchange("POST /softwaremodules/" + moduleId + "/artifacts", request("/softwaremodules/" + moduleId + "/artifacts")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build());
    }

    /** A distribution set of type {@link #SET_TYPE} with these modules (hawkBit refuses to assign one with none). */
    public long createSet(String name, String version, long... moduleIds) throws IOException {
        ObjectNode set = JSON.createObjectNode().put("name", name).put("version", version).put("type", SET_TYPE);
        ArrayNode modules = set.putArray("modules");
        for (long id : moduleIds) {
            modules.addObject().put("id", id);
        }
        return first(send("POST", "/distributionsets", JSON.createArrayNode().add(set))).get("id").asLong();
    }

    /** A patch released as {@code scripts/fleet-release.sh} does it: a module with the jar, in a set of its own. */
    public long release(String name, String version, Path jar) throws IOException {
        long module = createModule(PATCH_TYPE, name, version);
        uploadArtifact(module, jar);
        return createSet(name, version, module);
    }

    /** The baseline set: only a {@link #BASELINE_TYPE} marker module, no patch, so targets revert to no patches. */
    public long createBaselineSet(String name, String version) throws IOException {
        return createSet(name, version, createModule(BASELINE_TYPE, name, version));
    }

    // --- targets and actions

    /** Targets matching an RSQL filter such as {@code controllerId==fleet-*} (null: all), up to 500. */
    public List<JsonNode> targets(String filter) throws IOException {
        return content(get("/targets?limit=500" + (filter == null ? "" : "&q=" + query(filter))));
    }

    public JsonNode target(String controllerId) throws IOException {
        return get("/targets/" + controllerId);
    }

    /** A target's actions, newest first; {@code status} is only pending (active) or finished (not active). */
    public List<JsonNode> actions(String controllerId) throws IOException {
        return content(get("/targets/" + controllerId + "/actions?sort=id:DESC"));
    }

    /** An action's status history, newest first ({@code type}: running, retrieved, download, finished, error...). */
    public List<JsonNode> actionStatus(String controllerId, long actionId) throws IOException {
        return content(get("/targets/" + controllerId + "/actions/" + actionId + "/status?sort=id:DESC"));
    }

    /** Cancels an open action (the target then sees a {@code cancelAction} link). */
    public void cancelAction(String controllerId, long actionId) throws IOException {
        send("DELETE", "/targets/" + controllerId + "/actions/" + actionId, null);
    }

    /** Assigns a set to targets directly ({@code type}: forced, soft, downloadonly); gives hawkBit's answer. */
    public JsonNode assign(long setId, String type, String... controllerIds) throws IOException {
        ArrayNode body = JSON.createArrayNode();
        for (String id : controllerIds) {
            body.addObject().put("id", id).put("type", type);
        }
        return send("POST", "/distributionsets/" + setId + "/assignedTargets", body);
    }

    // --- rollouts

    /** A rollout in {@code amountGroups} equal groups; see {@link #rolloutBody}. */
    public long createRollout(String name, long setId, String filter, int amountGroups, int successPercent,
            int errorPercent) throws IOException {
        ObjectNode body = rolloutBody(name, setId, filter, successPercent, errorPercent).put("amountGroups", amountGroups);
        return send("POST", "/rollouts", body).get("id").asLong();
    }

    /** A rollout with one group per filter (each group: the targets of {@code filter} that also match its own). */
    public long createRollout(String name, long setId, String filter, List<String> groupFilters, int successPercent,
            int errorPercent) throws IOException {
        ObjectNode body = rolloutBody(name, setId, filter, successPercent, errorPercent);
        ArrayNode groups = body.putArray("groups");
        for (int i = 0; i < groupFilters.size(); i++) {
            groups.addObject().put("name", "group-" + (i + 1)).put("targetFilterQuery", groupFilters.get(i))
                    .put("targetPercentage", 100);
        }
        return send("POST", "/rollouts", body).get("id").asLong();
    }

    /**
     * Success: when {@code successPercent} of a group finished, the next group starts (NEXTGROUP). Error: when
     * more than {@code errorPercent} of a group's actions ended in error, the rollout pauses (PAUSE).
     */
    private static ObjectNode rolloutBody(String name, long setId, String filter, int successPercent, int errorPercent) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("distributionSetId", setId)
                .put("targetFilterQuery", filter).put("type", "forced");
        body.putObject("successCondition").put("condition", "THRESHOLD").put("expression", String.valueOf(successPercent));
        body.putObject("successAction").put("action", "NEXTGROUP").put("expression", "");
        body.putObject("errorCondition").put("condition", "THRESHOLD").put("expression", String.valueOf(errorPercent));
        body.putObject("errorAction").put("action", "PAUSE").put("expression", "");
        return body;
    }

    /** Rollouts are created asynchronously ({@code creating}); start one once it is {@code ready}. */
    public void startRollout(long rolloutId) throws IOException {
        send("POST", "/rollouts/" + rolloutId + "/start", null);
    }

    public void pauseRollout(long rolloutId) throws IOException {
        send("POST", "/rollouts/" + rolloutId + "/pause", null);
    }

    public void resumeRollout(long rolloutId) throws IOException {
        send("POST", "/rollouts/" + rolloutId + "/resume", null);
    }

    /** The rollout; {@code status}: creating, ready, starting, running, paused, finished... */
    public JsonNode rollout(long rolloutId) throws IOException {
        return get("/rollouts/" + rolloutId);
    }

    public String rolloutStatus(long rolloutId) throws IOException {
        return rollout(rolloutId).path("status").asText();
    }

    /** The deploy groups in order; each {@code status}: creating, ready, scheduled, running, finished, error. */
    public List<JsonNode> groups(long rolloutId) throws IOException {
        return content(get("/rollouts/" + rolloutId + "/deploygroups?sort=id:ASC"));
    }

    public List<JsonNode> groupTargets(long rolloutId, long groupId) throws IOException {
        return content(get("/rollouts/" + rolloutId + "/deploygroups/" + groupId + "/targets?limit=500"));
    }

    // --- plumbing

    public JsonNode get(String path) throws IOException {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, JsonNode body) throws IOException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return exchange(method + " " + path, request.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
    }

    private JsonNode exchange(String call, HttpRequest request) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + call, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new MgmtException(call, response.statusCode(), response.body());
        }
        return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    }

    private static JsonNode first(JsonNode array) {
        return array.get(0);
    }

    private static List<JsonNode> content(JsonNode page) {
        List<JsonNode> list = new ArrayList<>();
        page.path("content").forEach(list::add);
        return list;
    }

    private static String query(String rsql) {
        return URLEncoder.encode(rsql, StandardCharsets.UTF_8);
    }
}
