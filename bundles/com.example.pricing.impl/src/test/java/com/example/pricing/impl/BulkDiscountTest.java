package com.example.pricing.impl;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import org.junit.Test;

/** Pins the example bug down, so the patches' fix is visible against it. */
public class BulkDiscountTest {

    @Test
    public void smallOrdersPayListPrice() {
        assertEquals(new BigDecimal("30.00"), BulkDiscount.total(new BigDecimal("10.00"), 3));
    }

    @Test
    public void bulkOrdersAreDiscountedTwiceInVersion100() {
        assertEquals("the documented bug: 10% off twice", new BigDecimal("81.00"),
                BulkDiscount.total(new BigDecimal("10.00"), 10));
    }
}
