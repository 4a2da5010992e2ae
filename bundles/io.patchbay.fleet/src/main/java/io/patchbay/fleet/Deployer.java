package io.patchbay.fleet;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchbayConstants;
import io.patchbay.api.PatchInspector;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.SlotDTO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Carries out one deployment: the distribution set names the patches the container should run. Every artifact is
 * downloaded and checked ({@link PatchInspector#check}, apply's own refusals) before anything changes, so a bad
 * set changes nothing. Then patches this agent applied that the set no longer holds are reverted, the new ones
 * applied, and the health window judges them; a failing patch is reverted here before the failure is reported.
 */
final class Deployer {

    /** What the deployment did, for the closing feedback. */
    record Result(boolean success, String sentence) {
    }

    private final PatchManager manager;
    private final PatchInspector inspector;
    private final HealthWatch health;
    private final long windowMillis;
    private final Consumer<String> progress;
    private final CanaryJudgement canary;

    /** With {@code canary} null, patches are applied and watched over the window; else judged as canaries. */
    Deployer(PatchManager manager, PatchInspector inspector, HealthWatch health, long windowMillis,
            CanaryJudgement canary, Consumer<String> progress) {
        this.canary = canary;
        this.manager = manager;
        this.inspector = inspector;
        this.health = health;
        this.windowMillis = windowMillis;
        this.progress = progress;
    }

    /**
     * Carries out {@code deployment} from its checked files, {@code state.applied} kept current (the caller saves
     * it through {@code save}); {@code cancelled} is asked during the window.
     */
    Result carryOut(long actionId, List<Path> files, AgentState state, String actor, Saver save,
            BooleanSupplier cancelled) throws InterruptedException, IOException {
        Map<Path, CheckDTO> checks = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                checks.put(file, inspector.check(file.toString(), null));
            } catch (PatchException e) {
                return new Result(false, file.getFileName() + ": " + e.getMessage());
            }
        }
        AgentCrashPoints.reached("checked");
        List<String> wanted = checks.values().stream().map(check -> check.id).toList();
        List<String> done = new ArrayList<>();
        for (AgentState.Applied old : List.copyOf(state.applied)) {
            if (!wanted.contains(old.implementation)) {
                done.add(revert(old, "not in the distribution set of action " + actionId, actor));
                state.applied.remove(old);
                save.save();
            }
        }
        List<ChangeDTO> changes = new ArrayList<>();
        for (Map.Entry<Path, CheckDTO> each : checks.entrySet()) {
            if (CheckDTO.NONE.equals(each.getValue().action)) {
                ChangeDTO resumed = resumed(each.getValue(), actor);
                if (resumed == null) {
                    done.add(each.getValue().id + " runs already");
                } else { // this action applied it before a restart: its window starts over
                    changes.add(resumed);
                    record(state, resumed, actionId, save);
                }
                continue;
            }
            try {
                ChangeDTO change = canary == null ? apply(each.getKey(), each.getValue(), actionId, actor)
                        : canary(each.getKey(), each.getValue(), actionId, actor, cancelled);
                if (change == null) { // cancelled during its canary
                    undo(changes, state, save, actor, "action " + actionId + " cancelled");
                    return new Result(false, "Cancelled; reverted " + each.getValue().id + ".");
                }
                AgentCrashPoints.reached(canary == null ? "applied" : "promoted");
                changes.add(change);
                record(state, change, actionId, save);
            } catch (PatchException e) {
                return fail(changes, state, save, actor, "apply of action " + actionId + " failed",
                        each.getKey().getFileName() + ": " + e.getMessage());
            } catch (DeploymentException judged) {
                return fail(changes, state, save, actor, "the canary judge reverted a patch of action " + actionId,
                        judged.getMessage());
            }
        }
        if (changes.isEmpty() || canary != null) { // a canary's steps were its window
            if (!changes.isEmpty()) {
                done.add(names(changes) + " promoted by the canary judge");
            }
            return new Result(true, done.isEmpty() ? "Nothing to do." : sentence(done));
        }
        progress.accept("watching " + names(changes) + " for " + windowMillis + " ms");
        AgentCrashPoints.reached("watching");
        try {
            health.watch(changes, windowMillis, cancelled);
        } catch (DeploymentException failed) {
            return fail(changes, state, save, actor, PatchbayConstants.HEALTH_VERDICT + failed.getMessage(),
                    "Reverted: " + failed.getMessage());
        }
        if (cancelled.getAsBoolean()) {
            undo(changes, state, save, actor, "action " + actionId + " cancelled");
            return new Result(false, "Cancelled; reverted " + names(changes) + ".");
        }
        return new Result(true, names(changes) + " served " + windowMillis + " ms within the health judgement.");
    }

    private ChangeDTO apply(Path file, CheckDTO check, long actionId, String actor) {
        progress.accept("applying " + check.id);
        return manager.apply(file.toString(), "hawkBit action " + actionId, actor);
    }

    private ChangeDTO canary(Path file, CheckDTO check, long actionId, String actor, BooleanSupplier cancelled)
            throws DeploymentException, InterruptedException {
        progress.accept("canary of " + check.id + " on " + check.slot);
        return canary.judge(check.slot, file.toString(), "hawkBit action " + actionId, actor, cancelled);
    }

    /** Reverts the slots {@code which} (patches this agent applied) run, and forgets them. */
    List<String> revert(List<AgentState.Applied> which, AgentState state, String actor, String reason, Saver save)
            throws IOException {
        List<String> done = new ArrayList<>();
        for (AgentState.Applied old : which) {
            done.add(revert(old, reason, actor));
            state.applied.remove(old);
            save.save();
        }
        return done;
    }

    /** Makes a deployer whose steps go to {@code progress}. */
    interface Factory {
        Deployer create(Consumer<String> progress);
    }

    private static void record(AgentState state, ChangeDTO change, long actionId, Saver save) throws IOException {
        state.applied.removeIf(old -> old.slot.equals(change.slot));
        state.applied.add(AgentState.Applied.of(change.slot, change.to, change.from, actionId));
        save.save();
    }

    /** The apply of {@code check}'s patch that this same action made, before a restart; {@code null} if none. */
    private ChangeDTO resumed(CheckDTO check, String actor) {
        if (check.slot == null) {
            return null;
        }
        List<LedgerEntryDTO> history = manager.history(check.slot);
        LedgerEntryDTO last = history.isEmpty() ? null : history.get(0);
        if (last == null || !check.id.equals(last.to)) {
            return null;
        }
        boolean ours = actor.equals(last.actor) || "promote".equals(last.action) && history.size() > 1
                && actor.equals(history.get(1).actor) && "canary".equals(history.get(1).action);
        if (!ours) {
            return null;
        }
        return change(check.slot, last.from, last.to);
    }

    /** A change the agent made without an apply's own answer: after a restart, or by a canary's promotion. */
    static ChangeDTO change(String slot, String from, String to) {
        return io.patchbay.api.dto.Changes.switched(slot, from, to, false); // drained: not known afterwards
    }

    /**
     * The deployment failed: the failure is saved before anything is reverted, so that after a crash the next start
     * finishes the reverts and reports it instead of carrying the action out again.
     */
    private Result fail(List<ChangeDTO> changes, AgentState state, Saver save, String actor, String reason,
            String sentence) throws IOException {
        state.fail(sentence);
        save.save();
        AgentCrashPoints.reached("failing");
        undo(changes, state, save, actor, reason);
        return new Result(false, sentence);
    }

    private void undo(List<ChangeDTO> changes, AgentState state, Saver save, String actor, String reason)
            throws IOException {
        List<ChangeDTO> newestFirst = new ArrayList<>(changes);
        java.util.Collections.reverse(newestFirst);
        for (ChangeDTO change : newestFirst) {
            AgentState.Applied applied = state.applied.stream().filter(old -> old.slot.equals(change.slot))
                    .findFirst().orElse(AgentState.Applied.of(change.slot, change.to, change.from, 0));
            revert(applied, reason, actor);
            AgentCrashPoints.reached("reverted");
            state.applied.remove(applied);
            save.save();
        }
    }

    private String revert(AgentState.Applied old, String reason, String actor) {
        try {
            SlotDTO slot = manager.slot(old.slot);
            if (slot.active == null || !old.implementation.equals(slot.active.id)) {
                return old.slot + " no longer runs " + old.implementation;
            }
            ChangeDTO change = manager.revert(old.slot, reason, actor);
            return change.message;
        } catch (PatchException e) {
            return "revert of " + old.slot + ": " + e.getMessage();
        }
    }

    /** Parts joined into one sentence: "A now runs B instead of C; D runs already." */
    static String sentence(List<String> parts) {
        return parts.stream().map(part -> part.endsWith(".") ? part.substring(0, part.length() - 1) : part)
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String names(List<ChangeDTO> changes) {
        return changes.stream().map(change -> change.to).collect(Collectors.joining(", "));
    }

    /** Saves the agent's state; a failure to save is the deployment's failure. */
    interface Saver {
        void save() throws IOException;
    }
}
