package com.example.pricing.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Prices an order line in a currency. Provider type: implementations implement it, consumers call it.
 * Implementations must be thread safe.
 */
@ProviderType
public interface PriceService {

    /**
     * Quotes {@code quantity} units of {@code sku} in {@code currency}.
     *
     * @param currency ISO 4217 code, for example {@code EUR}
     * @throws IllegalArgumentException if the item or the currency is unknown, or the quantity is below 1
     */
    Quote quote(String sku, int quantity, String currency);
}
