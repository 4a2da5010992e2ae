package io.patchbay.core;

import io.patchbay.api.PatchbayConstants;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The metatype of {@link Settings}, so the console's Configuration page can edit them (PID io.patchbay.core), and
 * the one place each setting's name and default are declared: {@link Settings} reads a configuration through this
 * type with the OSGi Converter. An empty text or list is "not set".
 */
@ObjectClassDefinition(pid = PatchbayConstants.PID, name = "Patchbay patch manager",
        description = "Which services are managed and how long calls, applies and switches may wait.")
@interface SettingsDefinition {

    @AttributeDefinition(name = "Managed interfaces", required = false,
            description = "Interfaces managed even though their implementations do not set patchbay.managed=true."
                    + " Takes effect for services registered afterwards.")
    String[] managed_interfaces() default {};

    @AttributeDefinition(name = "Damping timeout (ms)", min = "0",
            description = "How long a call waits while its slot has no implementation.")
    long damping_timeout_ms() default 5_000;

    @AttributeDefinition(name = "Apply timeout (ms)", min = "0",
            description = "How long apply waits for a patch to register its implementation.")
    long apply_timeout_ms() default 10_000;

    @AttributeDefinition(name = "Drain timeout (ms)", min = "0",
            description = "How long a switch waits for calls still running on the old implementation.")
    long drain_timeout_ms() default 5_000;

    @AttributeDefinition(name = "Largest patch (bytes)", min = "1",
            description = "A patch jar larger than this is refused as soon as the limit is passed.")
    long patch_max_bytes() default 64L << 20;

    @AttributeDefinition(name = "URL connect timeout (ms)", min = "1",
            description = "How long apply waits to connect to a patch's URL.")
    long url_connect_timeout_ms() default 10_000;

    @AttributeDefinition(name = "URL read timeout (ms)", min = "1",
            description = "How long apply waits for the next bytes from a patch's URL.")
    long url_read_timeout_ms() default 30_000;

    @AttributeDefinition(name = "Operation wait (ms)", min = "0",
            description = "How long apply, revert or activate waits for the operation running before it.")
    long lock_timeout_ms() default 30_000;

    @AttributeDefinition(name = "Standby idle warning (ms)", min = "0",
            description = "patch:status and the console warn of a standby that has had no calls and been installed"
                    + " for longer than this (default 7 days); 0 never warns.")
    long standby_idle_warn_ms() default 604_800_000L;

    @AttributeDefinition(name = "Canary routing key entries", required = false,
            description = "OpenTelemetry Baggage and SLF4J MDC entries a key-split canary reads the routing key"
                    + " from, first that holds one, after Routing.withKey. Read when a canary starts.")
    String[] canary_key_names() default { "patchbay.key", "tenant.id", "user.id" };

    @AttributeDefinition(name = "Trust store", required = false,
            description = "PKCS12 keystore or PEM file of certificates. When set, only jars signed (jarsigner) by a"
                    + " trusted certificate, every entry covered, are applied.")
    String trust_store() default "";

    @AttributeDefinition(name = "Trust store password", required = false, type = AttributeType.PASSWORD,
            description = "The PKCS12 keystore's password; a PEM file needs none.")
    String trust_store_password() default "";
}
