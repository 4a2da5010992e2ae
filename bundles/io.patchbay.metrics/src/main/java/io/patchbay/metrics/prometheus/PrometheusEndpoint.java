package io.patchbay.metrics.prometheus;

import io.patchbay.api.PatchManager;
import io.patchbay.metrics.MetricsConfiguration;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.Servlet;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Registers the scrape servlet on the HTTP whiteboard at the configured path (PID {@value MetricsConfiguration#PID}),
 * or not at all when it is turned off. The servlet is registered by hand rather than as this component's service
 * so that the path is a plain setting and the endpoint can be switched off without disabling the component.
 */
@Component(configurationPid = MetricsConfiguration.PID, service = {})
public final class PrometheusEndpoint {

    static final String SERVLET_NAME = "patchbay-metrics";

    private static final Logger LOG = Logger.getLogger(PrometheusEndpoint.class.getName());

    private final BundleContext context;

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private ServiceRegistration<Servlet> servlet;

    @Activate
    public PrometheusEndpoint(BundleContext context,
            @Reference(policy = ReferencePolicy.STATIC) PatchManager manager, MetricsConfiguration configuration) {
        this.context = context;
        registry.register(new SlotCollector(manager));
        registry.register(new CanaryCollector(manager));
        publish(configuration);
    }

    @Modified
    synchronized void modified(MetricsConfiguration configuration) {
        withdraw();
        publish(configuration);
    }

    @Deactivate
    synchronized void deactivate() {
        withdraw();
    }

    private synchronized void publish(MetricsConfiguration configuration) {
        if (!configuration.prometheus_enabled()) {
            return;
        }
        String path = configuration.prometheus_path() == null ? "" : configuration.prometheus_path().trim();
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
            LOG.warning("Patchbay metrics: prometheus.path '" + path + "' is not a servlet path such as /metrics;"
                    + " no scrape endpoint.");
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", path);
        properties.put("osgi.http.whiteboard.servlet.name", SERVLET_NAME);
        servlet = context.registerService(Servlet.class, new ScrapeServlet(registry), properties);
    }

    private void withdraw() {
        if (servlet != null) {
            servlet.unregister();
            servlet = null;
        }
    }
}
