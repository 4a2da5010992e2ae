package com.example.pricing.impl.v2;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class CurrencyPriceServiceTest {

    private final CurrencyPriceService prices = new CurrencyPriceService();

    @Test
    public void convertsThenDiscountsOnce() {
        assertEquals("99.00", prices.quote("WIDGET", 10, "USD").total().toPlainString());
        assertEquals("8.50", prices.quote("WIDGET", 1, "GBP").total().toPlainString());
    }

    @Test
    public void unknownCurrencyIsExplained() {
        assertEquals("Unknown currency 'XYZ'; quotes are in ",
                assertThrows(IllegalArgumentException.class, () -> prices.quote("WIDGET", 1, "XYZ")).getMessage()
                        .replaceAll("\\[.*\\]", ""));
    }
}
