package com.example.pricing.impl.v2;

import com.example.pricing.api.PriceService;
import com.example.pricing.api.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

/** The 2.0 pricing: the same catalogue in EUR, converted at fixed rates; 10% off 10 units or more. */
@Component(property = { "patchbay.managed=true", "patchbay.slot=pricing" })
public class CurrencyPriceService implements PriceService {

    private static final Map<String, BigDecimal> CATALOGUE_EUR = Map.of(
            "WIDGET", new BigDecimal("10.00"),
            "GADGET", new BigDecimal("24.50"),
            "BOLT", new BigDecimal("0.25"));
    private static final Map<String, BigDecimal> RATES = Map.of(
            "EUR", BigDecimal.ONE,
            "USD", new BigDecimal("1.10"),
            "GBP", new BigDecimal("0.85"));
    private static final BigDecimal KEEP = new BigDecimal("0.90");

    private final String servedBy;

    public CurrencyPriceService() {
        Bundle bundle = FrameworkUtil.getBundle(CurrencyPriceService.class);
        servedBy = bundle == null ? "unknown" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    @Override
    public Quote quote(String sku, int quantity, String currency) {
        BigDecimal unitEur = CATALOGUE_EUR.get(sku);
        if (unitEur == null) {
            throw new IllegalArgumentException("Unknown sku '" + sku + "'; the catalogue has " + CATALOGUE_EUR.keySet());
        }
        BigDecimal rate = RATES.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("Unknown currency '" + currency + "'; quotes are in " + RATES.keySet());
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("Quantity must be at least 1, got " + quantity);
        }
        BigDecimal unit = unitEur.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = unit.multiply(BigDecimal.valueOf(quantity));
        if (quantity >= 10) {
            total = total.multiply(KEEP);
        }
        return new Quote(sku, quantity, currency, unit, total.setScale(2, RoundingMode.HALF_UP), servedBy);
    }
}
