package io.patchbay.fleet;

import io.patchbay.api.PatchInspector;
import io.patchbay.api.PatchManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The fleet agent: this container as a target of an Eclipse hawkBit server. It runs only while configured (PID
 * {@value FleetConfiguration#PID}), on a thread of its own ({@link AgentRuntime}); its state survives restarts in the
 * bundle's data folder ({@link AgentState}). Events go to EventAdmin, when present, on
 * {@value #TOPIC_PREFIX}{@code <TYPE>}. Immediate: it polls whether or not anything uses its service (the web
 * console's Fleet page asks for it only when the page is opened).
 */
@Component(immediate = true, service = FleetAgent.class, configurationPid = FleetConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class FleetAgent {

    public static final String TOPIC_PREFIX = "io/patchbay/fleet/";

    private static final Logger LOG = Logger.getLogger(FleetAgent.class.getName());

    private final AgentRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public FleetAgent(BundleContext context, FleetConfiguration configuration,
            @Reference(policy = ReferencePolicy.STATIC) PatchManager manager,
            @Reference(policy = ReferencePolicy.STATIC) PatchInspector inspector) throws IOException {
        Path folder = context.getDataFile("fleet").toPath();
        runtime = AgentRuntime.start(configuration, manager, inspector, folder,
                context.getBundle().getVersion().toString(), this::post, "patchbay-fleet");
        LOG.log(Level.INFO, "Fleet agent started: {0}", runtime.status().server());
    }

    /** What the agent does now. */
    public FleetStatus status() {
        return runtime.status();
    }

    @Deactivate
    void stop() throws InterruptedException {
        runtime.stop();
    }

    private void post(String type, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(TOPIC_PREFIX + type, properties));
        }
    }
}
