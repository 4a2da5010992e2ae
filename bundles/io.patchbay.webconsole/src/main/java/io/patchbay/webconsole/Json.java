package io.patchbay.webconsole;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes the plugin's JSON with Jackson's generator (jackson-core, a bundle of the container). Strings also escape
 * {@code < > &} and the JavaScript line separators U+2028 and U+2029, so the text stays inert if pasted into HTML
 * or a script.
 */
final class Json {

    /** What writes one document. */
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new InertEscapes()).build();

    private Json() {
    }

    static String write(Body body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
