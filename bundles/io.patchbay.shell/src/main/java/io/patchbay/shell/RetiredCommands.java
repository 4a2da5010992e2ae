package io.patchbay.shell;

import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.RetiredDTO;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code patch:retired}: one {@link PatchInspector#retired(long)} call, laid out by {@link RetiredConverter}. */
@Component(service = RetiredCommands.class)
@GogoCommand(scope = "patch", function = { "retired" })
public class RetiredCommands {

    private final PatchInspector inspector;

    @Activate
    public RetiredCommands(@Reference(name = "inspector", policy = ReferencePolicy.STATIC,
            cardinality = ReferenceCardinality.MANDATORY, policyOption = ReferencePolicyOption.RELUCTANT)
            PatchInspector inspector) {
        this.inspector = inspector;
    }

    @Descriptor("whether each implementation ever active has let go of its class loader, and if not what holds it")
    public RetiredDTO[] retired(
            @Descriptor("seconds to wait for collections (default 5, at most 60)")
            @Parameter(names = { "-w", "--wait" }, absentValue = "5") double seconds) throws InterruptedException {
        return inspector.retired(Math.round(seconds * 1000)).toArray(RetiredDTO[]::new);
    }
}
