package com.example.pricing.delegate;

import com.example.pricing.api.PriceService;
import com.example.pricing.api.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Fixes one thing and delegates the rest: orders below the bulk threshold are answered by the implementation this
 * patch replaces, unchanged; bulk orders take that implementation's unit price and apply the 10% discount once.
 * <p>
 * {@code replaced} is the manager's replaced-code service for the slot (only patch bundles see it): its calls
 * go to the implementation that was active before this patch, never back into this patch or its facade.
 */
@Component(property = { "patchbay.managed=true", "patchbay.slot=pricing" })
public class BulkOrderFix implements PriceService {

    static final int THRESHOLD = 10;
    private static final BigDecimal KEEP = new BigDecimal("0.90");

    private final String name = FrameworkUtil.getBundle(BulkOrderFix.class).getSymbolicName() + " "
            + FrameworkUtil.getBundle(BulkOrderFix.class).getVersion();

    @Reference(policy = ReferencePolicy.STATIC, target = "(patchbay.replaced=*)")
    private PriceService replaced;

    @Override
    public Quote quote(String sku, int quantity) {
        Quote original = replaced.quote(sku, quantity);
        if (quantity < THRESHOLD) {
            return original;
        }
        BigDecimal total = original.unitPrice().multiply(BigDecimal.valueOf(quantity)).multiply(KEEP)
                .setScale(2, RoundingMode.HALF_UP);
        return new Quote(sku, quantity, original.unitPrice(), total, name + " via " + original.servedBy());
    }
}
