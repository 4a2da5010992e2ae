package io.patchbay.webconsole;

import io.patchbay.api.dto.RetiredDTO;
import io.patchbay.api.dto.TraceDTO;
import java.util.List;

/** The JSON of a trace (its calls so far) and of the retirement report, field names as the DTOs'. */
final class ObserveJson {

    /** An answer that is only a sentence. */
    record Message(String message) {
    }

    private ObserveJson() {
    }

    static String trace(TraceDTO trace) {
        return Json.write(trace);
    }

    static String retired(List<RetiredDTO> report) {
        return Json.write(report);
    }

    static String message(String message) {
        return Json.write(new Message(message));
    }
}
