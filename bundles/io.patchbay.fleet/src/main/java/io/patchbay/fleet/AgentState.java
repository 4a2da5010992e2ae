package io.patchbay.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent must remember across a crash, in one JSON file it replaces atomically after each step: its
 * controller id, the patches it applied and for which action, and the action in progress with its outcome once
 * decided. After a {@code kill -9} the next start finds the action where it was: an outcome decided but not yet
 * reported is reported, never carried out again; an action not yet decided is carried out again (apply is
 * idempotent) and its health window starts over.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class AgentState {

    /** The action in progress or last carried out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Action {
        public long id;
        /**
         * {@code started}, {@code watching}, {@code failing} (the failure decided, its reverts perhaps not done) or
         * {@code decided}.
         */
        public String phase;
        /** {@code success} or {@code failure} once decided. */
        public String outcome;
        /** The outcome's sentence, as reported. */
        public String reason;
        /** Whether the server took the closing feedback. */
        public boolean reported;
    }

    /** A patch this agent applied: the slot, what it runs, what it replaced, and the action that applied it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Applied {
        public String slot;
        public String implementation;
        public String replaced;
        public long actionId;

        static Applied of(String slot, String implementation, String replaced, long actionId) {
            Applied applied = new Applied();
            applied.slot = slot;
            applied.implementation = implementation;
            applied.replaced = replaced;
            applied.actionId = actionId;
            return applied;
        }
    }

    public String controllerId;
    public List<Applied> applied = new ArrayList<>();
    public Action action;

    private static final ObjectMapper JSON = new ObjectMapper();

    static AgentState load(Path file) throws IOException {
        return Files.exists(file) ? JSON.readValue(file.toFile(), AgentState.class) : new AgentState();
    }

    /** Writes the whole state to a new file, forces it to disk, and moves it over the old one in one step. */
    void save(Path file) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels
                        .newOutputStream(channel)) {
            out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
            out.flush();
            channel.force(true);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts remembering a new action, forgetting the last one. */
    Action begin(long actionId) {
        action = new Action();
        action.id = actionId;
        action.phase = "started";
        return action;
    }

    /** Whether {@code actionId} was decided already (its closing feedback may still be due). */
    boolean decided(long actionId) {
        return action != null && action.id == actionId && "decided".equals(action.phase);
    }

    /** Whether {@code actionId} failed before its reverts were all done; {@code action.reason} says why. */
    boolean failing(long actionId) {
        return action != null && action.id == actionId && "failing".equals(action.phase);
    }

    /** Remembers that the action failed, before its changes are reverted. */
    void fail(String reason) {
        if (action != null) {
            action.phase = "failing";
            action.reason = reason;
        }
    }

    void decide(String outcome, String reason) {
        action.phase = "decided";
        action.outcome = outcome;
        action.reason = reason;
        action.reported = false;
    }
}
