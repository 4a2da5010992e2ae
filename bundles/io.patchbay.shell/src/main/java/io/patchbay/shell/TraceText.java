package io.patchbay.shell;

import io.patchbay.api.dto.TraceCallDTO;
import io.patchbay.api.dto.TraceDTO;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The lines of {@code patch:trace}: one per call, and the sentences before and after. */
final class TraceText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private TraceText() {
    }

    static String header(TraceDTO trace) {
        return "Tracing " + trace.slot + ": the next " + Text.plural(trace.maxCalls, "call") + ", at most "
                + seconds(trace.maxMillis) + ".";
    }

    /**
     * {@code 18:43:02.123  com.example.pricing.web/1.0.0 -> com.example.pricing.impl/1.0.1  87 us}, then
     * {@code  threw java.lang.IllegalStateException} and {@code  key acme} when there are.
     */
    static String line(TraceCallDTO call, ZoneId zone) {
        StringBuilder line = new StringBuilder(TIME.format(Instant.ofEpochMilli(call.time).atZone(zone)));
        line.append("  ").append(call.consumer == null ? "(no consumer)" : call.consumer)
                .append(" -> ").append(call.implementation)
                .append("  ").append(call.nanos < 0 ? "untimed" : micros(call.nanos));
        if (call.exception != null) {
            line.append("  threw ").append(call.exception);
        }
        if (call.key != null) {
            line.append("  key ").append(call.key);
        }
        return line.toString();
    }

    /** The closing sentence: how many calls, and why it stopped. */
    static String end(TraceDTO trace) {
        String count = Text.plural(trace.next, "call") + " traced";
        return trace.done ? count + "; stopped: " + trace.stopped : count + " so far; still running.";
    }

    private static String micros(long nanos) {
        long micros = nanos / 1000;
        return micros < 10_000 ? micros + " us" : micros / 1000 + " ms";
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Text.plural(millis / 1000, "second") : millis + " ms";
    }
}
