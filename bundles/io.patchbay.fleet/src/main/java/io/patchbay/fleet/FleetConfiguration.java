package io.patchbay.fleet;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The fleet agent's settings (PID {@value #PID}). Without a configuration the agent does not run. In the launcher
 * a file {@code <data>/etc/io.patchbay.fleet.cfg} sets it; in Karaf {@code etc/io.patchbay.fleet.cfg}; the web
 * console's Configuration page edits it in both.
 */
@ObjectClassDefinition(pid = FleetConfiguration.PID, name = "Patchbay fleet agent (hawkBit)",
        description = "Makes this container a target of an Eclipse hawkBit server: it polls the server's DDI API,"
                + " carries out its deployments of patches and reports their health.")
public @interface FleetConfiguration {

    String PID = "io.patchbay.fleet";

    @AttributeDefinition(name = "Server URL", description = "hawkBit's base URL, e.g. http://hawkbit:8080.")
    String url();

    @AttributeDefinition(name = "Tenant", description = "The hawkBit tenant.")
    String tenant() default "DEFAULT";

    @AttributeDefinition(name = "Controller id", required = false, description = "This container's name on the"
            + " server; empty: the host name and an id generated once and kept in the bundle's data folder.")
    String controllerId() default "";

    @AttributeDefinition(name = "Gateway token", required = false, type = AttributeType.PASSWORD,
            description = "The tenant's gateway token; targets register themselves on their first poll.")
    String gatewayToken() default "";

    @AttributeDefinition(name = "Target token", required = false, type = AttributeType.PASSWORD,
            description = "This target's own security token, used instead of the gateway token when set.")
    String targetToken() default "";

    @AttributeDefinition(name = "Health window (ms)", description = "How long a patch must serve without failing"
            + " the health judgement before the deployment is reported a success.")
    long healthWindowMs() default 60_000;

    @AttributeDefinition(name = "Errors before failing", description = "The fewest errors of the patched code"
            + " that can fail the health judgement: a single error never does unless this is 1.")
    long healthMinErrors() default 3;

    @AttributeDefinition(name = "Health mode", description = "window: apply, then watch the patch over the"
            + " health window; canary: run the patch as a canary on a share of the calls, and let the canary judge"
            + " promote it (success) or revert it (failure).", options = {
                    @org.osgi.service.metatype.annotations.Option(value = "window", label = "window"),
                    @org.osgi.service.metatype.annotations.Option(value = "canary", label = "canary") })
    String healthMode() default "window";

    @AttributeDefinition(name = "Canary steps (%)", description = "healthMode canary: the shares the canary walks,"
            + " comma-separated; passing the last promotes the patch.")
    String canarySteps() default "10,50";

    @AttributeDefinition(name = "Canary step at least (ms)", description = "healthMode canary: the shortest time"
            + " a step is held, even when the judge has decided.")
    long canaryMinStepMs() default 30_000;

    @AttributeDefinition(name = "Canary step at most (ms)", description = "healthMode canary: a step still"
            + " undecided after this holds; the agent then reverts the patch and reports a failure.")
    long canaryMaxStepMs() default 600_000;

    @AttributeDefinition(name = "Connect timeout (ms)")
    long connectTimeoutMs() default 5_000;

    @AttributeDefinition(name = "Request timeout (ms)", description = "For one request; a download gets this"
            + " long for every megabyte, at least once.")
    long requestTimeoutMs() default 15_000;

    @AttributeDefinition(name = "Poll interval until the server says (ms)")
    long pollMs() default 30_000;

    @AttributeDefinition(name = "Longest back-off (ms)", description = "After failed polls the agent waits twice"
            + " as long each time, from the poll interval up to this.")
    long maxBackoffMs() default 300_000;

    @AttributeDefinition(name = "Largest artifact (bytes)")
    long maxArtifactBytes() default 64L * 1024 * 1024;
}
