package io.patchbay.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Carries out what one poll asked for, a deployment or a cancel, and keeps the server told: {@code proceeding} at
 * each step, then {@code closed} with {@code success} or {@code failure} and one sentence. The outcome is saved
 * before it is reported, so a report lost to a crash or to the server being down is sent again, and the action is
 * never carried out twice.
 */
final class ActionRunner {

    private static final Logger LOG = Logger.getLogger(ActionRunner.class.getName());

    private final DdiClient ddi;
    private final Downloads downloads;
    private final Deployer.Factory deployers;
    private final AgentState state;
    private final Path stateFile;
    private final Path downloadFolder;
    private final AgentStatus status;
    private final BiConsumer<String, Map<String, Object>> events;
    private final CancelCheck cancels;

    ActionRunner(DdiClient ddi, Downloads downloads, Deployer.Factory deployers, AgentState state, Path stateFile,
            Path downloadFolder, AgentStatus status, BiConsumer<String, Map<String, Object>> events,
            CancelCheck cancels) {
        this.cancels = cancels;
        this.ddi = ddi;
        this.downloads = downloads;
        this.deployers = deployers;
        this.state = state;
        this.stateFile = stateFile;
        this.downloadFolder = downloadFolder;
        this.status = status;
        this.events = events;
    }

    /** The ledger's actor for an action: names it, so that the ledger of each container points at the server's. */
    static String actor(long actionId) {
        return "hawkBit action " + actionId;
    }

    /** Sends a decided outcome the server has not taken yet. */
    void reportPending() throws IOException, InterruptedException {
        AgentState.Action action = state.action;
        if (action == null || !"decided".equals(action.phase) || action.reported || "cancelled".equals(
                action.outcome)) {
            return;
        }
        try {
            feedback(action.id, DdiClient.CLOSED, action.outcome, action.reason);
            AgentCrashPoints.reached("reported");
        } catch (DdiClient.Refused refused) {
            if (!refused.final4xx()) {
                throw refused;
            }
            LOG.log(Level.WARNING, "hawkBit refused the outcome of action {0}: {1}", new Object[] { action.id,
                    refused.getMessage() });
        }
        action.reported = true;
        save();
    }

    void deploy(String href) throws IOException, InterruptedException {
        Ddi.Deployment deployment = ddi.deployment(href);
        long id = deployment.actionId();
        if (state.decided(id)) { // decided before a restart, or its report was lost: say it again
            state.action.reported = false;
            reportPending();
            return;
        }
        if (state.failing(id)) { // failed before a restart: finish its reverts, then report the failure
            List<AgentState.Applied> ofAction = state.applied.stream().filter(a -> a.actionId == id).toList();
            deployers.create(text -> step(id, text)).revert(ofAction, state, actor(id), "action " + id
                    + " failed: " + state.action.reason, this::save);
            decide(id, false, false, state.action.reason);
            return;
        }
        if (state.action == null || state.action.id != id) {
            state.begin(id);
            save();
            events.accept("ACTION_STARTED", Map.of("actionId", id, "artifacts", deployment.artifacts().size()));
            AgentCrashPoints.reached("begun");
        }
        status.action(id);
        cancels.reset();
        step(id, "downloading " + deployment.artifacts().size() + " artifact(s)");
        Deployer.Result result;
        try {
            List<Path> files = new ArrayList<>();
            for (Ddi.Artifact artifact : deployment.artifacts()) {
                files.add(downloads.fetch(artifact));
            }
            state.action.phase = "watching";
            save();
            result = deployers.create(text -> step(id, text)).carryOut(id, files, state, actor(id), this::save,
                    cancels::requested);
        } catch (DeploymentException failed) {
            result = new Deployer.Result(false, failed.getMessage());
        } finally {
            clearDownloads();
        }
        decide(id, result.success(), cancels.requested() && !result.success(), result.sentence());
    }

    /** Saves the outcome, tells the listeners, then the server. */
    private void decide(long id, boolean success, boolean cancelled, String sentence)
            throws IOException, InterruptedException {
        state.decide(cancelled ? "cancelled" : success ? DdiClient.SUCCESS : DdiClient.FAILURE, sentence);
        save();
        events.accept(cancelled ? "ACTION_CANCELLED" : success ? "ACTION_SUCCEEDED" : "ACTION_FAILED",
                Map.of("actionId", id, "reason", sentence));
        AgentCrashPoints.reached("decided");
        reportPending();
    }

    void cancel(String href) throws IOException, InterruptedException {
        Ddi.Cancel cancel = ddi.cancel(href);
        List<String> reverted = List.of();
        if (!state.decided(cancel.stopId()) || "cancelled".equals(state.action.outcome)) {
            List<AgentState.Applied> ofAction = state.applied.stream().filter(a -> a.actionId == cancel.stopId())
                    .toList();
            reverted = deployers.create(text -> { }).revert(ofAction, state, actor(cancel.stopId()),
                    "hawkBit cancelled action " + cancel.stopId(), this::save);
        }
        List<String> parts = new ArrayList<>(List.of("Cancelled action " + cancel.stopId()));
        parts.addAll(reverted);
        String sentence = Deployer.sentence(parts);
        if (state.action == null || state.action.id != cancel.stopId()) {
            state.begin(cancel.stopId());
        }
        state.decide("cancelled", sentence);
        state.action.reported = true;
        save();
        ddi.cancelFeedback(cancel.actionId(), DdiClient.SUCCESS, List.of(sentence));
        status.fed(DdiClient.CLOSED + " " + DdiClient.SUCCESS + ": " + sentence);
        cancels.reset();
        events.accept("ACTION_CANCELLED", Map.of("actionId", cancel.stopId(), "reason", sentence));
    }

    private void step(long id, String text) {
        status.step(text);
        try {
            feedback(id, DdiClient.PROCEEDING, DdiClient.NONE, text);
        } catch (IOException e) { // the step goes on; the closing feedback is the one that must arrive
            LOG.log(Level.FINE, "Could not report a step of action " + id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void feedback(long id, String execution, String finished, String sentence)
            throws IOException, InterruptedException {
        ddi.deploymentFeedback(id, execution, finished, List.of(sentence));
        status.fed(execution + " " + finished + ": " + sentence);
    }

    private void save() throws IOException {
        state.save(stateFile);
        status.applied(state.applied);
    }

    private void clearDownloads() {
        if (!Files.isDirectory(downloadFolder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(downloadFolder)) {
            files.sorted(Comparator.reverseOrder()).filter(file -> !file.equals(downloadFolder))
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not clear " + downloadFolder, e);
        }
    }
}
