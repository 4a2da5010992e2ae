package io.patchbay.fleet;

import java.util.List;

/**
 * The agent's state at one instant, for {@code patch:fleet}, the console's Fleet page and tests.
 *
 * @param server the controller's DDI resource
 * @param controllerId this container's name on the server
 * @param state {@code polling}, {@code deploying}, {@code backing off} or {@code stopped}
 * @param lastPoll when the last poll answered (epoch ms), 0 before the first
 * @param lastError why the last poll failed, or {@code null} when it answered
 * @param failures polls failed in a row
 * @param nextPoll when the next poll is due (epoch ms)
 * @param actionId the action being carried out, or the last one, 0 before the first
 * @param step what the agent does for it now, or last did
 * @param lastFeedback the last feedback the server took: execution, result and sentence
 * @param lastFeedbackTime when (epoch ms)
 * @param applied the patches this agent applied, as {@code slot: implementation (action N)}
 */
public record FleetStatus(String server, String controllerId, String state, long lastPoll, String lastError,
        int failures, long nextPoll, long actionId, String step, String lastFeedback, long lastFeedbackTime,
        List<String> applied) {
}
