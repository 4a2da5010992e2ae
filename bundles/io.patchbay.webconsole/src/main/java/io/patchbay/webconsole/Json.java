package io.patchbay.webconsole;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The plugin's one JSON mapping: Jackson databind (a bundle of the container) writes the API's DTOs and the
 * plugin's own documents (records) by their public fields and record components, in declaration order, with the
 * few differences that {@link JsonMixins} declares. Strings also escape {@code < > &} and the JavaScript line
 * separators U+2028 and U+2029, so the text stays inert if pasted into HTML or a script. A decimal that is whole
 * is written without a fraction ({@code 5}, not {@code 5.0}); NaN and the infinities as {@code null}.
 */
final class Json {

    private static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    private static ObjectMapper mapper() {
        JsonMapper.Builder mapper = JsonMapper
                .builder(new JsonFactoryBuilder().characterEscapes(new InertEscapes()).build())
                .addModule(new SimpleModule("patchbay-webconsole")
                        .addSerializer(Double.class, new Decimal())
                        .addSerializer(Double.TYPE, new Decimal())
                        .addSerializer(double[].class, new Decimals()));
        JsonMixins.ALL.forEach(mapper::addMixIn);
        return mapper.build();
    }

    static String write(Object document) {
        return write(document, Map.of());
    }

    /** With {@code attributes} for the mapping's computed fields (see {@link JsonMixins}). */
    static String write(Object document, Map<?, ?> attributes) {
        try {
            return MAPPER.writer().withAttributes(attributes).writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Decimal extends StdSerializer<Double> {

        private static final long serialVersionUID = 1L;

        Decimal() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
            write(value, json);
        }

        static void write(double value, JsonGenerator json) throws IOException {
            if (!Double.isFinite(value)) {
                json.writeNull();
            } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                json.writeNumber((long) value);
            } else {
                json.writeNumber(value);
            }
        }
    }

    private static final class Decimals extends StdSerializer<double[]> {

        private static final long serialVersionUID = 1L;

        Decimals() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartArray();
            for (double value : values) {
                Decimal.write(value, json);
            }
            json.writeEndArray();
        }
    }

    /** JSON's own escapes, plus {@code \\u003c}-style ones for the characters that are active in HTML or JS. */
    private static final class InertEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] ascii = standardAsciiEscapesForJSON();

        InertEscapes() {
            for (char c : new char[] { '<', '>', '&' }) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                    ? new SerializedString(String.format("\\u%04x", c))
                    : null;
        }
    }
}
