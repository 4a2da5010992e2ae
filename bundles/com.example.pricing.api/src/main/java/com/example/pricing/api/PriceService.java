package com.example.pricing.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Prices an order line: a quantity of one catalogue item.
 * <p>
 * Provider type: the pricing implementations (and their patches) implement it; the web endpoint and other
 * consumers only call it. Implementations must be thread safe.
 */
@ProviderType
public interface PriceService {

    /**
     * Quotes {@code quantity} units of {@code sku}.
     *
     * @param sku catalogue item, for example {@code WIDGET}
     * @param quantity number of units, at least 1
     * @return the quote, naming the implementation that computed it
     * @throws IllegalArgumentException if the item is not in the catalogue or the quantity is below 1
     */
    Quote quote(String sku, int quantity);
}
