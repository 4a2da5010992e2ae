package com.example.pricing.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.example.pricing.api.Quote;
import com.example.pricing.web.support.Json;
import com.example.pricing.web.support.QuoteRequest;
import java.math.BigDecimal;
import org.junit.Test;

public class JsonTest {

    /** The README's answers, byte for byte: before the fix and after it. */
    @Test
    public void aQuoteIsTheReadmesJsonByteForByte() {
        assertEquals("{\"sku\":\"WIDGET\",\"quantity\":10,\"unitPrice\":10.00,\"total\":81.00,"
                + "\"servedBy\":\"com.example.pricing.impl 1.0.0\"}", Json.of(new Quote("WIDGET", 10,
                        new BigDecimal("10.00"), new BigDecimal("81.00"), "com.example.pricing.impl 1.0.0")));
        assertEquals("{\"sku\":\"WIDGET\",\"quantity\":10,\"unitPrice\":10.00,\"total\":90.00,"
                + "\"servedBy\":\"com.example.pricing.impl 1.0.1\"}", Json.of(new Quote("WIDGET", 10,
                        new BigDecimal("10.00"), new BigDecimal("90.00"), "com.example.pricing.impl 1.0.1")));
    }

    @Test
    public void amountsArePlainDecimals() {
        Quote quote = new Quote("W", 1, new BigDecimal("1E+3"), new BigDecimal("0.000001"), "x");
        assertEquals("{\"sku\":\"W\",\"quantity\":1,\"unitPrice\":1000,\"total\":0.000001,\"servedBy\":\"x\"}",
                Json.of(quote));
    }

    @Test
    public void stringsAreEscapedAndControlCharactersAsUnicodeEscapes() {
        assertEquals("\"a\\\"b\\\\c\\u000a\\u0009é/\"", Json.of("a\"b\\c\n\té/"));
        assertEquals("{\"error\":\"Unknown SKU 'x\\u000a'\"}", Json.error("Unknown SKU 'x\n'"));
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
