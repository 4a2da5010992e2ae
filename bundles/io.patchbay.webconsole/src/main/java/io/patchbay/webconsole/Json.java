package io.patchbay.webconsole;

/**
 * A minimal JSON writer: objects, arrays, strings, numbers, booleans and {@code null}, with the commas placed for
 * the caller. No JSON library is among the container's bundles, and this is all the plugin writes.
 */
final class Json {

    private final StringBuilder out = new StringBuilder(1024);

    /** Whether the next value is the first in its object or array (or follows a key): no comma before it. */
    private boolean first = true;

    Json object() {
        separate();
        out.append('{');
        first = true;
        return this;
    }

    Json endObject() {
        out.append('}');
        first = false;
        return this;
    }

    Json array() {
        separate();
        out.append('[');
        first = true;
        return this;
    }

    Json endArray() {
        out.append(']');
        first = false;
        return this;
    }

    Json key(String name) {
        separate();
        quote(name);
        out.append(':');
        first = true;
        return this;
    }

    Json value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        first = false;
        return this;
    }

    Json value(long value) {
        separate();
        out.append(value);
        first = false;
        return this;
    }

    Json value(boolean value) {
        separate();
        out.append(value);
        first = false;
        return this;
    }

    Json nullValue() {
        return value((String) null);
    }

    Json field(String name, String value) {
        return key(name).value(value);
    }

    Json field(String name, long value) {
        return key(name).value(value);
    }

    Json field(String name, boolean value) {
        return key(name).value(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (!first) {
            out.append(',');
        }
    }

    private void quote(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // < > & and the JavaScript line separators escaped: the text stays inert if pasted into HTML or JS
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
