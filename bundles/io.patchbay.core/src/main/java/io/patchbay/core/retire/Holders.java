package io.patchbay.core.retire;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.lang.management.ManagementFactory;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The named suspects for a class loader that was not collected, each a sentence: the framework (the bundle is
 * removal pending until a refresh), the manager still keeping the implementation in a slot, bundles still using
 * its services, threads inside its code, with it as context class loader or of one of its classes, and JDK
 * registries that hold objects statically (java.util.logging handlers, security providers, platform MBeans).
 * Thread-locals are not walked (that needs the JDK's internals opened); a thread named here is the first place to
 * look for one too.
 */
final class Holders {

    private Holders() {
    }

    static List<String> of(Retiree retiree, BundleContext context, List<Slot> slots) {
        ClassLoader loader = retiree.loader();
        if (loader == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        framework(retiree, context, found);
        manager(retiree, slots, found);
        users(retiree, context, found);
        threads(retiree, loader, found);
        registries(loader, found);
        return found;
    }

    private static void framework(Retiree retiree, BundleContext context, List<String> found) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        for (Bundle pending : wiring.getRemovalPendingBundles()) {
            if (pending.getBundleId() == retiree.bundleId) {
                found.add("The framework still has it: bundle " + retiree.bundleId + " is removal pending until a"
                        + " refresh (FrameworkWiring.refreshBundles).");
            }
        }
    }

    private static void manager(Retiree retiree, List<Slot> slots, List<String> found) {
        for (Slot slot : slots) {
            for (Implementation implementation : slot.implementations()) {
                Bundle bundle = implementation.bundle();
                if (implementation.id().equals(retiree.implementation) && bundle != null
                        && bundle.getBundleId() == retiree.bundleId) {
                    found.add("The manager still has it as an implementation of " + slot.id()
                            + ": its service is still registered.");
                }
            }
        }
    }

    private static void users(Retiree retiree, BundleContext context, List<String> found) {
        Bundle bundle = context.getBundle(retiree.bundleId);
        ServiceReference<?>[] registered = bundle == null ? null : bundle.getRegisteredServices();
        for (ServiceReference<?> reference : registered == null ? new ServiceReference<?>[0] : registered) {
            Bundle[] using = reference.getUsingBundles();
            for (Bundle user : using == null ? new Bundle[0] : using) {
                if (user.getBundleId() != context.getBundle().getBundleId()) {
                    found.add("Bundle " + user.getBundleId() + " (" + user.getSymbolicName() + ") still uses its service "
                            + reference.getProperty("service.id") + " (getService or ServiceObjects, not through the"
                            + " facade).");
                }
            }
        }
    }

    private static void threads(Retiree retiree, ClassLoader loader, List<String> found) {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            String name = "Thread '" + thread.getName() + "' (" + thread.getState() + ")";
            for (StackTraceElement frame : entry.getValue()) {
                if (retiree.classes.contains(frame.getClassName())) {
                    found.add(name + " is inside its code: at " + frame + ".");
                    break;
                }
            }
            if (thread.getContextClassLoader() == loader) {
                found.add(name + " has it as its context class loader.");
            }
            if (thread.getClass().getClassLoader() == loader) {
                found.add(name + " is a " + thread.getClass().getName() + ", one of its classes.");
            }
        }
    }

    private static void registries(ClassLoader loader, List<String> found) {
        LogManager logging = LogManager.getLogManager();
        for (String name : Collections.list(logging.getLoggerNames())) {
            Logger logger = logging.getLogger(name);
            for (Handler handler : logger == null ? new Handler[0] : logger.getHandlers()) {
                if (handler.getClass().getClassLoader() == loader) {
                    found.add("The java.util.logging logger '" + name + "' (a JDK static) has its handler "
                            + handler.getClass().getName() + ".");
                }
            }
        }
        for (Provider provider : Security.getProviders()) {
            if (provider.getClass().getClassLoader() == loader) {
                found.add("The security provider " + provider.getName() + " (java.security.Security, a JDK static)"
                        + " is one of its classes.");
            }
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (ObjectName name : server.queryNames(null, null)) {
                if (server.getClassLoaderFor(name) == loader) {
                    found.add("The platform MBean " + name + " is one of its objects.");
                }
            }
        } catch (Exception | LinkageError notAvailable) {
            // no platform MBean server here (java.management absent): nothing to look at
        }
    }
}
