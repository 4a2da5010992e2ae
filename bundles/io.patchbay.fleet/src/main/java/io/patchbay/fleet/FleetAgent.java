package io.patchbay.fleet;

import io.patchbay.api.PatchInspector;
import io.patchbay.api.PatchManager;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * {@value FleetConfiguration#PID}), on a thread of its own ({@link AgentLoop}); its state survives restarts in the
 * bundle's data folder ({@link AgentState}). Events go to EventAdmin, when present, on
 * {@value #TOPIC_PREFIX}{@code <TYPE>}.
 */
@Component(service = FleetAgent.class, configurationPid = FleetConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class FleetAgent {

    public static final String TOPIC_PREFIX = "io/patchbay/fleet/";

    private static final Logger LOG = Logger.getLogger(FleetAgent.class.getName());

    private final AgentStatus status;
    private final AgentLoop loop;
    private final Thread thread;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public FleetAgent(BundleContext context, FleetConfiguration configuration,
            @Reference(policy = ReferencePolicy.STATIC) PatchManager manager,
            @Reference(policy = ReferencePolicy.STATIC) PatchInspector inspector) throws IOException {
        if (configuration.url() == null || configuration.url().isBlank()) {
            throw new IllegalArgumentException("The fleet agent needs the hawkBit server's URL (url).");
        }
        if (!"window".equals(configuration.healthMode()) && !"canary".equals(configuration.healthMode())) {
            throw new IllegalArgumentException("healthMode is window or canary, not " + configuration.healthMode()
                    + ".");
        }
        Path folder = context.getDataFile("fleet").toPath();
        Files.createDirectories(folder);
        Path stateFile = folder.resolve("state.json");
        AgentState state = AgentState.load(stateFile);
        String controllerId = controllerId(configuration, state);
        if (!controllerId.equals(state.controllerId)) {
            state.controllerId = controllerId;
            state.save(stateFile);
        }
        DdiClient ddi = new DdiClient(configuration, controllerId);
        status = new AgentStatus(ddi.base(), controllerId);
        status.applied(state.applied);
        HealthWatch health = new HealthWatch(manager, configuration.healthMinErrors());
        CanaryJudgement canary = "canary".equals(configuration.healthMode()) ? new CanaryJudgement(manager,
                CanaryJudgement.steps(configuration.canarySteps()), configuration.canaryMinStepMs(),
                configuration.canaryMaxStepMs()) : null;
        Deployer.Factory deployers = progress -> new Deployer(manager, inspector, health,
                configuration.healthWindowMs(), canary, progress);
        Path downloads = folder.resolve("downloads");
        ActionRunner actions = new ActionRunner(ddi, new Downloads(ddi, downloads, configuration.maxArtifactBytes()),
                deployers, state, stateFile, downloads, status, this::post,
                new CancelCheck(ddi, Math.min(configuration.pollMs(), 5_000)));
        String version = context.getBundle().getVersion().toString();
        loop = new AgentLoop(ddi, actions, status, () -> ControllerAttributes.of(manager, version, state.applied),
                this::post, configuration.pollMs(), configuration.maxBackoffMs());
        thread = new Thread(loop, "patchbay-fleet");
        thread.setDaemon(true);
        thread.start();
        LOG.log(Level.INFO, "Fleet agent started: {0}", ddi.base());
    }

    /** What the agent does now. */
    public FleetStatus status() {
        return status.snapshot();
    }

    @Deactivate
    void stop() throws InterruptedException {
        loop.stop();
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void post(String type, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            Map<String, Object> all = new HashMap<>(properties);
            all.put("controllerId", status.snapshot().controllerId());
            admin.postEvent(new Event(TOPIC_PREFIX + type, all));
        }
    }

    /** The configured id, else the one generated on the first start: the host name and eight random hex digits. */
    private static String controllerId(FleetConfiguration configuration, AgentState state) {
        if (configuration.controllerId() != null && !configuration.controllerId().isBlank()) {
            return configuration.controllerId().trim();
        }
        if (state.controllerId != null) {
            return state.controllerId;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "patchbay";
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return host.replaceAll("[^A-Za-z0-9.-]", "-") + "-" + HexFormat.of().formatHex(random);
    }
}
