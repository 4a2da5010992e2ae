package com.example.pricing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Orders of {@value #THRESHOLD} units or more get 10% off the line total: the fix of 1.0.1, taking the discount
 * once.
 */
final class BulkDiscount {

    static final int THRESHOLD = 10;
    private static final BigDecimal KEEP = new BigDecimal("0.90");

    private BulkDiscount() {
    }

    static BigDecimal total(BigDecimal unitPrice, int quantity) {
        BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(quantity));
        if (quantity >= THRESHOLD) {
            total = total.multiply(KEEP);
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }
}
