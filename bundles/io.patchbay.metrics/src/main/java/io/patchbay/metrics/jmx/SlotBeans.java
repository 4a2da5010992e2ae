package io.patchbay.metrics.jmx;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.api.PatchManager;
import io.patchbay.metrics.MetricsConfiguration;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Keeps one {@link SlotBean} per slot in the platform MBeanServer. A slot exists for consumers exactly while the
 * manager's facade for it is registered (service property {@value PatchbayConstants#FACADE_PROPERTY}, the slot
 * id), so the MBeans follow the facades' service events: registered when a facade appears, unregistered when it
 * goes, all of them when this component stops. No polling; the facades are only tracked, never obtained, so this
 * bundle never shows up as a consumer of a slot. Tracking starts once the framework has started: the platform
 * MBeanServer costs about 150 JDK classes (the JVM's own MXBeans, JFR's among them) that the container's first
 * answer does not need, and no JMX client can connect before then anyway.
 */
@Component(configurationPid = MetricsConfiguration.PID, service = {})
public final class SlotBeans implements ServiceTrackerCustomizer<Object, ObjectName> {

    private static final Logger LOG = Logger.getLogger(SlotBeans.class.getName());

    private final BundleContext context;

    private final PatchManager manager;

    /** Created on the first registration, after the framework has started (see the class comment). */
    private MBeanServer server;

    /** The names this component registered, by slot id: only these are ever unregistered. */
    private final Map<String, ObjectName> registered = new ConcurrentHashMap<>();

    private ServiceTracker<Object, ObjectName> facades;

    /** Waits for the framework's STARTED event while the framework is still starting; {@code null} otherwise. */
    private FrameworkListener started;

    @Activate
    public SlotBeans(BundleContext context, @Reference(policy = ReferencePolicy.STATIC) PatchManager manager,
            MetricsConfiguration configuration) throws InvalidSyntaxException {
        this.context = context;
        this.manager = manager;
        apply(configuration);
    }

    @Modified
    synchronized void modified(MetricsConfiguration configuration) throws InvalidSyntaxException {
        apply(configuration);
    }

    @Deactivate
    synchronized void deactivate() {
        stopTracking();
    }

    private synchronized void apply(MetricsConfiguration configuration) throws InvalidSyntaxException {
        if (!configuration.jmx_enabled()) {
            stopTracking();
        } else if (facades == null && started == null) {
            started = event -> {
                if (event.getType() == FrameworkEvent.STARTED) {
                    startTracking();
                }
            };
            context.addFrameworkListener(started);
            if (context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getState() == Bundle.ACTIVE) {
                startTracking(); // started already (this bundle alone was started): at once
            }
        }
    }

    private synchronized void startTracking() {
        if (started == null) {
            return; // stopped meanwhile
        }
        context.removeFrameworkListener(started);
        started = null;
        server = ManagementFactory.getPlatformMBeanServer();
        try {
            facades = new ServiceTracker<>(context,
                    context.createFilter("(" + PatchbayConstants.FACADE_PROPERTY + "=*)"), this);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("A constant filter", e);
        }
        // every facade, whatever API version this bundle could see: it loads none of their classes
        facades.open(true);
    }

    private void stopTracking() {
        if (started != null) {
            context.removeFrameworkListener(started);
            started = null;
        }
        if (facades != null) {
            facades.close();
            facades = null;
        }
    }

    @Override
    public ObjectName addingService(ServiceReference<Object> facade) {
        Object slot = facade.getProperty(PatchbayConstants.FACADE_PROPERTY);
        if (!(slot instanceof String id) || registered.containsKey(id)) {
            return null;
        }
        try {
            ObjectName name = server.registerMBean(new SlotBean(manager, id), SlotBean.nameOf(id)).getObjectName();
            registered.put(id, name);
            return name;
        } catch (InstanceAlreadyExistsException e) {
            LOG.warning("Patchbay metrics: an MBean named " + e.getMessage() + " exists already (another"
                    + " framework in this JVM?); slot " + id + " has no MBean of its own.");
        } catch (JMException e) {
            LOG.log(Level.WARNING, "Patchbay metrics: no MBean for slot " + id, e);
        }
        return null;
    }

    @Override
    public void modifiedService(ServiceReference<Object> facade, ObjectName name) {
        // the facade's properties follow the active implementation; its slot id never changes
    }

    @Override
    public void removedService(ServiceReference<Object> facade, ObjectName name) {
        registered.values().remove(name);
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException alreadyGone) {
            // unregistered by someone else through the MBeanServer: nothing left to do
        } catch (JMException e) {
            LOG.log(Level.WARNING, "Patchbay metrics: could not unregister " + name, e);
        }
    }
}
