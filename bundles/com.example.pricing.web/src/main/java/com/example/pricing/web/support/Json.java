package com.example.pricing.web.support;

/** JSON strings and the error shape, shared by every version of the endpoint. */
public final class Json {

    private Json() {
    }

    public static String error(String message) {
        return "{\"error\":" + string(message) + "}";
    }

    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
