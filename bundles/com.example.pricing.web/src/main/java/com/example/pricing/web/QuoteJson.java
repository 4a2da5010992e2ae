package com.example.pricing.web;

import com.example.pricing.api.Quote;
import com.example.pricing.web.support.Json;

/** A 1.x quote as JSON. */
final class QuoteJson {

    private QuoteJson() {
    }

    static String of(Quote quote) {
        return "{\"sku\":" + Json.string(quote.sku())
                + ",\"quantity\":" + quote.quantity()
                + ",\"unitPrice\":" + quote.unitPrice().toPlainString()
                + ",\"total\":" + quote.total().toPlainString()
                + ",\"servedBy\":" + Json.string(quote.servedBy()) + "}";
    }
}
