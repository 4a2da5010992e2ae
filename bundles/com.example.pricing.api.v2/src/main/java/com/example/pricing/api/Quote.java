package com.example.pricing.api;

import java.math.BigDecimal;

/**
 * The answer to {@link PriceService#quote(String, int, String)}.
 *
 * @param sku the catalogue item
 * @param quantity the number of units
 * @param currency the currency of both amounts
 * @param unitPrice the list price of one unit
 * @param total what the customer pays for the line, discounts included, rounded to cents
 * @param servedBy the bundle symbolic name and version of the implementation that computed this quote
 */
public record Quote(String sku, int quantity, String currency, BigDecimal unitPrice, BigDecimal total,
        String servedBy) {
}
