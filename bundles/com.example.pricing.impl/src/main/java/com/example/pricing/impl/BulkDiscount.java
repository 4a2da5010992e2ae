package com.example.pricing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Orders of {@value #THRESHOLD} units or more get 10% off the line total.
 * <p>
 * Version 1.0.0 carries the example bug: it takes the discount off the unit price <em>and</em> off the total, so
 * 10 WIDGETs at 10.00 cost 81.00 instead of 90.00. The example patches replace exactly this class.
 */
final class BulkDiscount {

    static final int THRESHOLD = 10;
    private static final BigDecimal KEEP = new BigDecimal("0.90");

    private BulkDiscount() {
    }

    static BigDecimal total(BigDecimal unitPrice, int quantity) {
        BigDecimal units = BigDecimal.valueOf(quantity);
        if (quantity < THRESHOLD) {
            return unitPrice.multiply(units).setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal discountedUnit = unitPrice.multiply(KEEP);
        return discountedUnit.multiply(units).multiply(KEEP).setScale(2, RoundingMode.HALF_UP);
    }
}
