package io.patchbay.webconsole;

import com.fasterxml.jackson.core.JsonGenerator;
import io.patchbay.api.dto.RetiredDTO;
import io.patchbay.api.dto.TraceCallDTO;
import io.patchbay.api.dto.TraceDTO;
import java.io.IOException;
import java.util.List;

/** The JSON of a trace (its calls so far) and of the retirement report, field names as the DTOs'. */
final class ObserveJson {

    private ObserveJson() {
    }

    static String trace(TraceDTO trace) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeNumberField("id", trace.id);
            json.writeStringField("slot", trace.slot);
            json.writeNumberField("maxCalls", trace.maxCalls);
            json.writeNumberField("maxMillis", trace.maxMillis);
            json.writeNumberField("started", trace.started);
            json.writeNumberField("from", trace.from);
            json.writeNumberField("next", trace.next);
            json.writeArrayFieldStart("calls");
            for (TraceCallDTO call : trace.calls) {
                call(json, call);
            }
            json.writeEndArray();
            json.writeBooleanField("done", trace.done);
            json.writeStringField("stopped", trace.stopped);
            json.writeEndObject();
        });
    }

    static String retired(List<RetiredDTO> report) {
        return Json.write(json -> {
            json.writeStartArray();
            for (RetiredDTO retired : report) {
                json.writeStartObject();
                json.writeStringField("implementation", retired.implementation);
                json.writeStringField("slot", retired.slot);
                json.writeNumberField("bundleId", retired.bundleId);
                json.writeStringField("location", retired.location);
                json.writeNumberField("activeSince", retired.activeSince);
                json.writeStringField("state", retired.state);
                json.writeBooleanField("collected", retired.collected);
                json.writeArrayFieldStart("holders");
                for (String holder : retired.holders) {
                    json.writeString(holder);
                }
                json.writeEndArray();
                json.writeStringField("message", retired.message);
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    static String message(String message) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    private static void call(JsonGenerator json, TraceCallDTO call) throws IOException {
        json.writeStartObject();
        json.writeNumberField("time", call.time);
        json.writeStringField("consumer", call.consumer);
        json.writeNumberField("consumerBundle", call.consumerBundle);
        json.writeStringField("implementation", call.implementation);
        json.writeNumberField("nanos", call.nanos);
        json.writeStringField("exception", call.exception);
        json.writeStringField("key", call.key);
        json.writeEndObject();
    }
}
