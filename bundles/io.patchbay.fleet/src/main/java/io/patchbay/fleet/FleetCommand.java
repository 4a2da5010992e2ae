package io.patchbay.fleet;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code patch:fleet}: the fleet agent's state, or why there is none. */
@Component(service = FleetCommand.class)
@GogoCommand(scope = "patch", function = { "fleet" })
public class FleetCommand {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FleetAgent agent;

    @Descriptor("the hawkBit fleet agent: server, last poll, current action and its step, last feedback")
    public String fleet() {
        FleetAgent running = agent;
        return running == null ? FleetText.NOT_CONFIGURED : FleetText.of(running.status(),
                System.currentTimeMillis());
    }
}
