package io.patchbay.core;

import io.patchbay.api.PatchbayConstants;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The metatype of {@link Settings}, so the console's Configuration page can edit them (PID io.patchbay.core). */
@ObjectClassDefinition(pid = PatchbayConstants.PID, name = "Patchbay patch manager",
        description = "Which services are managed and how long calls, applies and switches may wait.")
@interface SettingsDefinition {

    @AttributeDefinition(name = "Managed interfaces", required = false,
            description = "Interfaces managed even though their implementations do not set patchbay.managed=true."
                    + " Takes effect for services registered afterwards.")
    String[] managed_interfaces();

    @AttributeDefinition(name = "Damping timeout (ms)", min = "0",
            description = "How long a call waits while its slot has no implementation.")
    long damping_timeout_ms() default 5_000;

    @AttributeDefinition(name = "Apply timeout (ms)", min = "0",
            description = "How long apply waits for a patch to register its implementation.")
    long apply_timeout_ms() default 10_000;

    @AttributeDefinition(name = "Drain timeout (ms)", min = "0",
            description = "How long a switch waits for calls still running on the old implementation.")
    long drain_timeout_ms() default 5_000;
}
