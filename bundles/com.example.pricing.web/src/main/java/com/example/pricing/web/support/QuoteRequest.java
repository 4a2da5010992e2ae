package com.example.pricing.web.support;

/** The query parameters of a quote request, checked; {@code error} is set when they are unusable. */
public record QuoteRequest(String sku, int quantity, String error) {

    public static QuoteRequest parse(String sku, String qty) {
        if (sku == null || sku.isBlank()) {
            return new QuoteRequest(null, 0, "Parameter 'sku' is required, for example ?sku=WIDGET&qty=10");
        }
        if (qty == null || qty.isBlank()) {
            return new QuoteRequest(sku, 1, null);
        }
        try {
            return new QuoteRequest(sku, Integer.parseInt(qty.trim()), null);
        } catch (NumberFormatException e) {
            return new QuoteRequest(sku, 0, "Parameter 'qty' must be a whole number, got '" + qty + "'");
        }
    }
}
