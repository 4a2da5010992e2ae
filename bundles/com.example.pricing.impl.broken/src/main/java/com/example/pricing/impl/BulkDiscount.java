package com.example.pricing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 1.0.2, broken on purpose: the discount is taken once (as in 1.0.1), but the new pallet rounding divides by the
 * units left over after whole pallets of {@value #PALLET}, which is zero for 20, 40, 60... units: those orders throw
 * {@link ArithmeticException}. A canary of this patch must be reverted by the judge.
 */
final class BulkDiscount {

    static final int THRESHOLD = 10;
    static final int PALLET = 20;
    private static final BigDecimal KEEP = new BigDecimal("0.90");

    private BulkDiscount() {
    }

    static BigDecimal total(BigDecimal unitPrice, int quantity) {
        BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(quantity));
        if (quantity >= THRESHOLD) {
            total = total.multiply(KEEP);
        }
        int loose = quantity % PALLET;
        BigDecimal perLoose = total.divide(BigDecimal.valueOf(loose), 10, RoundingMode.HALF_UP); // the bug
        return perLoose.multiply(BigDecimal.valueOf(loose)).setScale(2, RoundingMode.HALF_UP);
    }
}
