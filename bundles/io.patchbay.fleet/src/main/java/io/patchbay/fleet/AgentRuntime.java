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
import java.util.function.BiConsumer;

/**
 * One running fleet agent, without OSGi: the poll loop on a thread of its own, its state in {@code folder}, its
 * changes made through {@code manager}. {@link FleetAgent} runs one inside the container; the bench runs many in one
 * JVM, each with a stand-in manager that simulates a slot, so that a fleet's scale is measured with the agent's own
 * code. Not thread-safe to start and stop concurrently; {@link #status()} may be read from any thread.
 */
public final class AgentRuntime {

    private final AgentStatus status;
    private final AgentLoop loop;
    private final Thread thread;

    private AgentRuntime(AgentStatus status, AgentLoop loop, String threadName) {
        this.status = status;
        this.loop = loop;
        this.thread = new Thread(loop, threadName);
        thread.setDaemon(true);
    }

    /**
     * Starts an agent that keeps its state in {@code folder} (created if missing) and posts its events, each with a
     * {@code controllerId} property, to {@code events}; {@code threadName} names its thread.
     *
     * @throws IllegalArgumentException with one sentence when the configuration cannot work
     */
    public static AgentRuntime start(FleetConfiguration configuration, PatchManager manager, PatchInspector inspector,
            Path folder, String version, BiConsumer<String, Map<String, Object>> events, String threadName)
            throws IOException {
        if (configuration.url() == null || configuration.url().isBlank()) {
            throw new IllegalArgumentException("The fleet agent needs the hawkBit server's URL (url).");
        }
        if (!"window".equals(configuration.healthMode()) && !"canary".equals(configuration.healthMode())) {
            throw new IllegalArgumentException("healthMode is window or canary, not " + configuration.healthMode()
                    + ".");
        }
        Files.createDirectories(folder);
        Path stateFile = folder.resolve("state.json");
        AgentState state = AgentState.load(stateFile);
        String controllerId = controllerId(configuration, state);
        if (!controllerId.equals(state.controllerId)) {
            state.controllerId = controllerId;
            state.save(stateFile);
        }
        BiConsumer<String, Map<String, Object>> named = (type, properties) -> {
            Map<String, Object> all = new HashMap<>(properties);
            all.put("controllerId", controllerId);
            events.accept(type, all);
        };
        DdiClient ddi = new DdiClient(configuration, controllerId);
        AgentStatus status = new AgentStatus(ddi.base(), controllerId);
        status.applied(state.applied);
        HealthWatch health = new HealthWatch(manager, configuration.healthMinErrors());
        CanaryJudgement canary = "canary".equals(configuration.healthMode()) ? new CanaryJudgement(manager,
                CanaryJudgement.steps(configuration.canarySteps()), configuration.canaryMinStepMs(),
                configuration.canaryMaxStepMs()) : null;
        Deployer.Factory deployers = progress -> new Deployer(manager, inspector, health,
                configuration.healthWindowMs(), canary, progress);
        Path downloads = folder.resolve("downloads");
        ActionRunner actions = new ActionRunner(ddi, new Downloads(ddi, downloads, configuration.maxArtifactBytes()),
                deployers, state, stateFile, downloads, status, named,
                new CancelCheck(ddi, Math.min(configuration.pollMs(), 5_000)));
        AgentLoop loop = new AgentLoop(ddi, actions, status, () -> ControllerAttributes.of(manager, version,
                state.applied), named, configuration.pollMs(), configuration.maxBackoffMs());
        AgentRuntime runtime = new AgentRuntime(status, loop, threadName);
        runtime.thread.start();
        return runtime;
    }

    /** What the agent does now. */
    public FleetStatus status() {
        return status.snapshot();
    }

    /** How many polls the server has answered since the start. */
    public long polls() {
        return status.polls();
    }

    /** Stops the loop and waits up to 10 s for its thread; a deployment in progress is cut off there. */
    public void stop() throws InterruptedException {
        loop.stop();
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
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
