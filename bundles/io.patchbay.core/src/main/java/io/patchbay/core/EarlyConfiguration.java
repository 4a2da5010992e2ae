package io.patchbay.core;

import io.patchbay.api.PatchbayConstants;
import java.io.IOException;
import java.util.Dictionary;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Reads the manager's configuration the moment ConfigAdmin registers, on that thread. ConfigAdmin delivers it to
 * the {@code ManagedService} asynchronously, perhaps after application bundles have registered services that
 * {@code managed.interfaces} should have covered; the launcher starts ConfigAdmin at level 1 with the manager, so
 * reading it here holds the configured interfaces from the first application service on, restart after restart.
 */
final class EarlyConfiguration extends ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> {

    private static final Logger LOG = Logger.getLogger(EarlyConfiguration.class.getName());

    private final Consumer<Dictionary<String, Object>> apply;

    EarlyConfiguration(BundleContext context, Consumer<Dictionary<String, Object>> apply) {
        super(context, ConfigurationAdmin.class, null);
        this.apply = apply;
    }

    @Override
    public ConfigurationAdmin addingService(ServiceReference<ConfigurationAdmin> reference) {
        ConfigurationAdmin admin = context.getService(reference);
        if (admin != null) {
            try {
                Configuration[] found = admin.listConfigurations(
                        "(" + org.osgi.framework.Constants.SERVICE_PID + "=" + PatchbayConstants.PID + ")");
                if (found != null && found.length > 0 && found[0].getProperties() != null) {
                    apply.accept(found[0].getProperties());
                }
            } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
                LOG.warning("Could not read the configuration " + PatchbayConstants.PID + " early: " + e
                        + "; it applies when ConfigAdmin delivers it.");
            }
        }
        return admin;
    }
}
