package com.example.pricing.impl;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import org.junit.Test;

public class BulkDiscountFixTest {

    @Test
    public void bulkOrdersAreDiscountedOnce() {
        assertEquals(new BigDecimal("90.00"), BulkDiscount.total(new BigDecimal("10.00"), 10));
        assertEquals(new BigDecimal("264.60"), BulkDiscount.total(new BigDecimal("24.50"), 12));
    }

    @Test
    public void smallOrdersPayListPrice() {
        assertEquals(new BigDecimal("0.75"), BulkDiscount.total(new BigDecimal("0.25"), 3));
    }
}
