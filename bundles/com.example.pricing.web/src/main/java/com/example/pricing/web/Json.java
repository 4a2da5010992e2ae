package com.example.pricing.web;

import com.example.pricing.api.Quote;

/** The two JSON shapes the endpoint answers with. */
final class Json {

    private Json() {
    }

    static String quote(Quote quote) {
        return "{\"sku\":" + string(quote.sku())
                + ",\"quantity\":" + quote.quantity()
                + ",\"unitPrice\":" + quote.unitPrice().toPlainString()
                + ",\"total\":" + quote.total().toPlainString()
                + ",\"servedBy\":" + string(quote.servedBy()) + "}";
    }

    static String error(String message) {
        return "{\"error\":" + string(message) + "}";
    }

    static String string(String value) {
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
