package com.example.pricing.web.support;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * The endpoint's one JSON mapping, shared by every version: Jackson databind writes an answer from its record's
 * components, in their order. Amounts as plain decimals ({@code 90.00}, never {@code 9.000E+1}); in strings JSON's
 * own escapes, with every control character as {@code \\u00xx}.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper
            .builder(new JsonFactoryBuilder().characterEscapes(new ControlEscapes()).build())
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The answer to a request that cannot be served. */
    public record Error(String error) {
    }

    private Json() {
    }

    /** {@code answer} (a quote of any API version, an {@link Error}) as one JSON document. */
    public static String of(Object answer) {
        try {
            return MAPPER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String error(String message) {
        return of(new Error(message));
    }

    /** Control characters as {@code \\u00xx} (as this endpoint has always written them), not {@code \\n}. */
    private static final class ControlEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] ascii = standardAsciiEscapesForJSON();

        ControlEscapes() {
            for (int c = 0; c < 0x20; c++) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return c < 0x20 ? new SerializedString(String.format("\\u%04x", c)) : null; // the rest as it is
        }
    }
}
