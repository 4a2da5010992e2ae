package io.patchbay.fleet;

import java.util.List;

/** What the agent is doing, updated by its thread and read by the shell, the console and tests. */
final class AgentStatus {

    private final String server;
    private final String controllerId;
    private String state = "starting";
    private long lastPoll;
    private String lastError;
    private int failures;
    private long nextPoll;
    private long actionId;
    private String step;
    private String lastFeedback;
    private long lastFeedbackTime;
    private List<String> applied = List.of();
    private long polls;

    AgentStatus(String server, String controllerId) {
        this.server = server;
        this.controllerId = controllerId;
    }

    synchronized void polled(long nextPollAt) {
        lastPoll = System.currentTimeMillis();
        polls++;
        lastError = null;
        failures = 0;
        nextPoll = nextPollAt;
        state = "polling";
    }

    /** Answers how many polls failed in a row, this one included. */
    synchronized int pollFailed(String why, long nextPollAt) {
        lastError = why;
        nextPoll = nextPollAt;
        state = "backing off";
        return ++failures;
    }

    synchronized void action(long id) {
        actionId = id;
        state = "deploying";
    }

    synchronized void step(String text) {
        step = text;
    }

    synchronized void fed(String feedback) {
        lastFeedback = feedback;
        lastFeedbackTime = System.currentTimeMillis();
    }

    synchronized void applied(List<AgentState.Applied> patches) {
        applied = patches.stream().map(a -> a.slot + ": " + a.implementation + " (action " + a.actionId + ")")
                .toList();
    }

    synchronized void state(String now) {
        state = now;
    }

    /** How many polls answered since the start. */
    synchronized long polls() {
        return polls;
    }

    synchronized FleetStatus snapshot() {
        return new FleetStatus(server, controllerId, state, lastPoll, lastError, failures, nextPoll, actionId, step,
                lastFeedback, lastFeedbackTime, applied);
    }
}
