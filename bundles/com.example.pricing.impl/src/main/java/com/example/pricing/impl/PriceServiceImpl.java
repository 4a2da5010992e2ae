package com.example.pricing.impl;

import com.example.pricing.api.PriceService;
import com.example.pricing.api.Quote;
import java.math.BigDecimal;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Component;

/**
 * The example catalogue and its prices. {@code patchbay.managed=true} opts this service in to the patch manager,
 * so consumers get a facade that a patch can re-route without restarting them.
 */
@Component(property = { "patchbay.managed=true", "patchbay.slot=pricing" })
public class PriceServiceImpl implements PriceService {

    private static final Map<String, BigDecimal> CATALOGUE = Map.of(
            "WIDGET", new BigDecimal("10.00"),
            "GADGET", new BigDecimal("24.50"),
            "BOLT", new BigDecimal("0.25"));

    private final String servedBy = describe(FrameworkUtil.getBundle(PriceServiceImpl.class));

    @Override
    public Quote quote(String sku, int quantity) {
        BigDecimal unitPrice = CATALOGUE.get(sku);
        if (unitPrice == null) {
            throw new IllegalArgumentException("Unknown sku '" + sku + "'; the catalogue has " + CATALOGUE.keySet());
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("Quantity must be at least 1, got " + quantity);
        }
        return new Quote(sku, quantity, unitPrice, BulkDiscount.total(unitPrice, quantity), servedBy);
    }

    /** "name version", plus every fragment attached to the bundle: a fragment patch shows in every answer. */
    private static String describe(Bundle bundle) {
        if (bundle == null) {
            return "unknown";
        }
        StringBuilder description = new StringBuilder(bundle.getSymbolicName() + " " + bundle.getVersion());
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleWire wire : wiring.getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
                Bundle fragment = wire.getRequirer().getBundle();
                description.append(" + ").append(fragment.getSymbolicName()).append(' ').append(fragment.getVersion());
            }
        }
        return description.toString();
    }
}
