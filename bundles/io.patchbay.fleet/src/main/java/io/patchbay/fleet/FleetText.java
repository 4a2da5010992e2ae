package io.patchbay.fleet;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** {@link FleetStatus} as {@code patch:fleet} prints it: one labelled line per fact. */
final class FleetText {

    static final String NOT_CONFIGURED = "The fleet agent is not configured: set the server's url in"
            + " configuration io.patchbay.fleet (the launcher reads <data>/etc/io.patchbay.fleet.cfg; see"
            + " docs/fleet.md).";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private FleetText() {
    }

    static String of(FleetStatus status, long now) {
        StringBuilder text = new StringBuilder();
        line(text, "server", status.server());
        line(text, "controller", status.controllerId());
        String polled = status.lastPoll() == 0 ? "no answer yet" : "last answer " + at(status.lastPoll(), now);
        line(text, "state", status.state() + ", " + polled + ", next poll " + in(status.nextPoll(), now));
        if (status.lastError() != null) {
            line(text, "failing", status.failures() + " poll(s) in a row: " + status.lastError());
        }
        line(text, "action", status.actionId() == 0 ? "none yet" : status.actionId() + ": " + status.step());
        line(text, "feedback", status.lastFeedback() == null ? "none yet"
                : at(status.lastFeedbackTime(), now) + "  " + status.lastFeedback());
        if (status.applied().isEmpty()) {
            line(text, "applied", "no patch applied by the fleet");
        }
        for (String applied : status.applied()) {
            line(text, "applied", applied);
        }
        return text.toString().stripTrailing();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-11s", label)).append(value).append('\n');
    }

    private static String at(long time, long now) {
        return TIME.format(Instant.ofEpochMilli(time)) + " (" + Math.max(0, (now - time) / 1000) + " s ago)";
    }

    private static String in(long time, long now) {
        return time == 0 ? "now" : "in " + Math.max(0, (time - now + 999) / 1000) + " s";
    }
}
