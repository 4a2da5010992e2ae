package com.example.pricing.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.example.pricing.api.Quote;
import com.example.pricing.web.support.Json;
import com.example.pricing.web.support.QuoteRequest;
import java.math.BigDecimal;
import org.junit.Test;

public class JsonTest {

    @Test
    public void quoteIsOneJsonObjectWithPlainNumbers() {
        Quote quote = new Quote("WIDGET", 10, new BigDecimal("10.00"), new BigDecimal("90.00"),
                "com.example.pricing.impl 1.0.1");
        assertEquals("{\"sku\":\"WIDGET\",\"quantity\":10,\"unitPrice\":10.00,\"total\":90.00,"
                + "\"servedBy\":\"com.example.pricing.impl 1.0.1\"}", QuoteJson.of(quote));
    }

    @Test
    public void stringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\u000a\"", Json.string("a\"b\\c\n"));
    }

    @Test
    public void requestNeedsSkuAndAWholeQuantity() {
        assertEquals("Parameter 'sku' is required, for example ?sku=WIDGET&qty=10",
                QuoteRequest.parse(null, "1").error());
        assertEquals("Parameter 'qty' must be a whole number, got 'x'", QuoteRequest.parse("WIDGET", "x").error());
        QuoteRequest ok = QuoteRequest.parse("WIDGET", " 12 ");
        assertNull(ok.error());
        assertEquals(12, ok.quantity());
    }
}
