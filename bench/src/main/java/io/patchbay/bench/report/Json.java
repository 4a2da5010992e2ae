package io.patchbay.bench.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the results file with Jackson's generator: maps, lists, strings, numbers and booleans, one value a line,
 * two spaces a level, {@code "key": value}, empty containers as {@code {}} and {@code []}; a NaN or infinite
 * number as {@code null}; anything else as its {@code toString()}.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT).withArrayIndenter(INDENT);

    private Json() {
    }

    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(PRETTY);
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null || !finite(value)) {
            json.writeNull();
        } else if (value instanceof Number number) {
            json.writeNumber(number.toString());
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                write(json, item);
            }
            json.writeEndArray();
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    private static boolean finite(Object value) {
        return !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(value instanceof Float f && (f.isNaN() || f.isInfinite()));
    }
}
