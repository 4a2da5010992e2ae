package com.example.pricing.impl;

import com.example.pricing.api.PriceService;
import com.example.pricing.api.Quote;
import io.patchbay.api.StateHandoff;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The example catalogue and its prices. {@code patchbay.managed=true} opts this service in to the patch manager,
 * so consumers get a facade that a patch can re-route without restarting them.
 * <p>
 * It counts the quotes it answers ({@link QuoteCounter}): a {@link StateHandoff} hands the count to the version
 * that takes over in a patch or a revert, and its data area keeps it across restarts. The count may be split by a
 * canary ({@code patchbay.state.shareable}): the candidate's share is not counted once it is promoted.
 * {@code pricing.state.format} names the format of the handed-over state; a version refuses another format.
 * It registers as a {@code PriceService} only: Patchbay finds the handoff on the service object, and consumers
 * never see a {@code StateHandoff}.
 */
@Component(service = PriceService.class, property = { "patchbay.managed=true", "patchbay.slot=pricing",
        "patchbay.state.shareable=true", "pricing.state.format=1" })
public class PriceServiceImpl implements PriceService, StateHandoff {

    private static final Logger LOG = Logger.getLogger(PriceServiceImpl.class.getName());

    private static final Map<String, BigDecimal> CATALOGUE = Map.of(
            "WIDGET", new BigDecimal("10.00"),
            "GADGET", new BigDecimal("24.50"),
            "BOLT", new BigDecimal("0.25"));

    private final String servedBy = describe(FrameworkUtil.getBundle(PriceServiceImpl.class));
    private QuoteCounter counter = new QuoteCounter(1);

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) throws IOException {
        counter = new QuoteCounter(Integer.parseInt(String.valueOf(properties.getOrDefault("pricing.state.format",
                "1"))));
        counter.load(file(context));
    }

    @Deactivate
    void deactivate(BundleContext context) throws IOException {
        counter.save(file(context));
    }

    @Override
    public Quote quote(String sku, int quantity) {
        BigDecimal unitPrice = CATALOGUE.get(sku);
        if (unitPrice == null) {
            throw new IllegalArgumentException("Unknown sku '" + sku + "'; the catalogue has " + CATALOGUE.keySet());
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("Quantity must be at least 1, got " + quantity);
        }
        Quote quote = new Quote(sku, quantity, unitPrice, BulkDiscount.total(unitPrice, quantity), servedBy);
        counter.next();
        return quote;
    }

    @Override
    public Map<String, Object> exportState() {
        return counter.export();
    }

    @Override
    public void importState(Map<String, Object> state) {
        counter.take(state);
        LOG.fine(servedBy + " took over the count of " + counter.quotes() + " quotes");
    }

    private static java.nio.file.Path file(BundleContext context) {
        File file = context.getDataFile(QuoteCounter.FILE);
        return file == null ? null : file.toPath();
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
