package io.patchbay.webconsole;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchInspector;
import io.patchbay.api.UnknownSlotException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Traces and the retirement report over HTTP. {@code POST patches/trace} ({@code slot}, {@code calls},
 * {@code seconds}; token checked before) starts a trace; {@code GET patches/trace.json?id=&from=} answers its calls
 * from index {@code from} on, waiting up to a second for one, so the page's table fills as calls end;
 * {@code POST patches/trace/stop?id=} stops it; {@code GET patches/retired.json?wait=} is {@code patch:retired}.
 */
final class ObserveAction {

    static final String TRACE = "/" + PatchesPlugin.LABEL + "/trace";
    static final String STOP = TRACE + "/stop";
    static final String TRACE_JSON = TRACE + ".json";
    static final String RETIRED_JSON = "/" + PatchesPlugin.LABEL + "/retired.json";
    private static final long POLL_MILLIS = 1000;

    /** What to answer: the HTTP status and the JSON. */
    record Answer(int status, String json) {
    }

    private final PatchInspector inspector;

    ObserveAction(PatchInspector inspector) {
        this.inspector = inspector;
    }

    static boolean gets(String path) {
        return TRACE_JSON.equals(path) || RETIRED_JSON.equals(path);
    }

    static boolean posts(String path) {
        return TRACE.equals(path) || STOP.equals(path);
    }

    Answer get(HttpServletRequest request) {
        return answer(() -> TRACE_JSON.equals(request.getPathInfo())
                ? ObserveJson.trace(inspector.trace(number(request, "id", -1), (int) number(request, "from", 0),
                        POLL_MILLIS))
                : ObserveJson.retired(inspector.retired(number(request, "wait", 5000))));
    }

    Answer post(HttpServletRequest request) {
        return answer(() -> STOP.equals(request.getPathInfo())
                ? ObserveJson.trace(inspector.stopTrace(number(request, "id", -1)))
                : ObserveJson.trace(inspector.trace(request.getParameter("slot"), (int) number(request, "calls", 20),
                        Math.round(decimal(request, "seconds", 60) * 1000))));
    }

    private interface Work {
        String json() throws InterruptedException;
    }

    private static Answer answer(Work work) {
        try {
            return new Answer(Outcome.OK, work.json());
        } catch (UnknownSlotException e) {
            return new Answer(Outcome.NOT_FOUND, ObserveJson.message(e.getMessage()));
        } catch (PatchException | IllegalArgumentException e) {
            return new Answer(Outcome.BAD_REQUEST, ObserveJson.message(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.FAILED, ObserveJson.message("Interrupted."));
        }
    }

    private static long number(HttpServletRequest request, String name, long otherwise) {
        String value = request.getParameter(name);
        try {
            return value == null || value.isBlank() ? otherwise : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number, not '" + value + "'.");
        }
    }

    private static double decimal(HttpServletRequest request, String name, double otherwise) {
        String value = request.getParameter(name);
        try {
            return value == null || value.isBlank() ? otherwise : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a number, not '" + value + "'.");
        }
    }
}
