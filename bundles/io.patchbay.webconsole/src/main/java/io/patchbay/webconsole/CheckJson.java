package io.patchbay.webconsole;

import com.fasterxml.jackson.core.JsonGenerator;
import io.patchbay.api.dto.CheckDTO;
import java.io.IOException;
import java.util.List;

/**
 * The answer to a check: {@code ok} (it would apply), {@code status}, the one-sentence {@code message} (what apply
 * would do, or apply's refusal), and {@code check}, the {@code CheckDTO}'s fields by their names ({@code null}
 * when refused). Documented in {@code docs/webconsole.md}.
 */
final class CheckJson {

    private CheckJson() {
    }

    static String answer(int status, String message, CheckDTO check) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeBooleanField("ok", status == Outcome.OK);
            json.writeNumberField("status", status);
            json.writeStringField("message", message);
            json.writeFieldName("check");
            if (check == null) {
                json.writeNull();
            } else {
                check(json, check);
            }
            json.writeEndObject();
        });
    }

    private static void check(JsonGenerator json, CheckDTO check) throws IOException {
        json.writeStartObject();
        json.writeStringField("patch", check.patch);
        json.writeStringField("id", check.id);
        json.writeStringField("action", check.action);
        json.writeStringField("slot", check.slot);
        strings(json, "candidates", check.candidates);
        json.writeStringField("replaces", check.replaces);
        json.writeStringField("becomes", check.becomes);
        json.writeNumberField("installedBundleId", check.installedBundleId);
        json.writeBooleanField("fragment", check.fragment);
        json.writeStringField("host", check.host);
        json.writeBooleanField("hostPatchable", check.hostPatchable);
        json.writeBooleanField("resolved", check.resolved);
        json.writeStringField("resolution", check.resolution);
        strings(json, "wires", check.wires);
        json.writeStringField("checksum", check.checksum);
        json.writeBooleanField("verifying", check.verifying);
        json.writeStringField("signer", check.signer);
        strings(json, "warnings", check.warnings);
        json.writeStringField("notChecked", check.notChecked);
        json.writeStringField("message", check.message);
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values == null ? List.<String>of() : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
