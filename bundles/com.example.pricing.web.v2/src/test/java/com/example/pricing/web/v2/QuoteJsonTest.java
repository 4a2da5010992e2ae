package com.example.pricing.web.v2;

import static org.junit.Assert.assertEquals;

import com.example.pricing.api.Quote;
import com.example.pricing.web.support.Json;
import java.math.BigDecimal;
import org.junit.Test;

public class QuoteJsonTest {

    /** The README's 2.0 answer, byte for byte: the currency after the quantity. */
    @Test
    public void aVersion2QuoteIsTheReadmesJsonByteForByte() {
        Quote quote = new Quote("WIDGET", 10, "USD", new BigDecimal("11.00"), new BigDecimal("99.00"),
                "com.example.pricing.impl.v2 2.0.0");
        assertEquals("{\"sku\":\"WIDGET\",\"quantity\":10,\"currency\":\"USD\",\"unitPrice\":11.00,\"total\":99.00,"
                + "\"servedBy\":\"com.example.pricing.impl.v2 2.0.0\"}", Json.of(quote));
    }
}
