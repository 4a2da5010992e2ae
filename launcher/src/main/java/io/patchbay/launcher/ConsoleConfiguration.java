package io.patchbay.launcher;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Hands the web console its login through ConfigAdmin rather than a framework property, which every bundle can
 * read: the configuration {@value #PID} (read by the Felix Web Console 5 as its own) gets {@code username} and
 * {@code password}, the password only as a salted hash ({@link PasswordHash}).
 *
 * <p>It is written from a service listener on the system bundle, at the moment ConfigAdmin registers its service
 * (ConfigAdmin is usable from then on, by design). ConfigAdmin's bundle has a lower id than the console's, so on a
 * fresh cache this happens before the console starts; on later starts the stored configuration is already there
 * and is only rewritten when the password changed. Until the console has received the configuration, it uses the
 * framework property {@code felix.webconsole.password}, which the launcher sets to a hash no password has
 * ({@link PasswordHash#unusable()}): in that instant the console refuses every login, never admin/admin.
 *
 * <p>ConfigAdmin's API is not on the launcher's class path (its classes there would not be the bundle's), so the
 * two calls go through reflection on the interfaces loaded from ConfigAdmin's bundle.
 */
final class ConsoleConfiguration implements ServiceListener {

    static final String PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    static final String CONSOLE_BUNDLE = "org.apache.felix.webconsole";

    private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String CONFIGURATION = "org.osgi.service.cm.Configuration";

    private final BundleContext system;
    private final String user;
    private final String password;
    private final CountDownLatch written = new CountDownLatch(1);
    private volatile String hashed;
    private volatile String failure;

    private ConsoleConfiguration(BundleContext system, String user, String password) {
        this.system = system;
        this.user = user;
        this.password = password;
    }

    /** Starts listening for ConfigAdmin; call between {@code init()} and {@code start()} of the framework. */
    static ConsoleConfiguration listen(BundleContext system, String user, String password) {
        ConsoleConfiguration configuration = new ConsoleConfiguration(system, user, password);
        try {
            system.addServiceListener(configuration, "(objectClass=" + CONFIGURATION_ADMIN + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("A constant filter", e);
        }
        return configuration;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            write(event.getServiceReference());
        }
    }

    private void write(ServiceReference<?> reference) {
        Object admin = system.getService(reference);
        try {
            Bundle cm = reference.getBundle();
            Class<?> adminType = cm.loadClass(CONFIGURATION_ADMIN);
            Class<?> configurationType = cm.loadClass(CONFIGURATION);
            Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                    .invoke(admin, PID, null);
            @SuppressWarnings("unchecked")
            Dictionary<String, Object> properties = (Dictionary<String, Object>) configurationType
                    .getMethod("getProperties").invoke(configuration);
            Object stored = properties == null ? null : properties.get("password");
            if (properties != null && user.equals(properties.get("username"))
                    && stored instanceof String text && PasswordHash.matches(text, password)) {
                hashed = text; // as the console has it already: no rewrite, no re-registration of the console
            } else {
                Dictionary<String, Object> updated = properties == null ? new Hashtable<>() : properties;
                String fresh = PasswordHash.of(password);
                updated.put("username", user);
                updated.put("password", fresh);
                configurationType.getMethod("update", Dictionary.class).invoke(configuration, updated);
                hashed = fresh;
            }
            failure = null;
        } catch (InvocationTargetException e) {
            failure = String.valueOf(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            failure = e.toString();
        } finally {
            system.ungetService(reference);
            written.countDown();
        }
    }

    /** Whether the web console bundle is installed and active. */
    boolean running() {
        Bundle console = consoleBundle();
        return console != null && console.getState() == Bundle.ACTIVE;
    }

    /**
     * Waits until the console serves with this configuration, and answers a sentence for the operator if it does
     * not, or {@code null}. The console 5.0.8 copies its configuration into the service properties of its servlet
     * ({@code OsgiManager.registerHttpWhiteboardServices}), so the servlet carrying our hash is the sign.
     */
    String awaitApplied(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Bundle console = consoleBundle();
        if (console == null || console.getState() != Bundle.ACTIVE) {
            return null; // no console running, nothing to log in to
        }
        if (!written.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return "ConfigAdmin did not start, so the web console has no password and refuses every login.";
        }
        if (failure != null) {
            return "The web console's password could not be written to ConfigAdmin (" + failure
                    + "), so the console refuses every login.";
        }
        String filter = "(&(objectClass=jakarta.servlet.Servlet)(password=" + escape(hashed) + "))";
        CountDownLatch applied = new CountDownLatch(1);
        ServiceListener listener = event -> applied.countDown();
        try {
            system.addServiceListener(listener, filter);
            if (system.getServiceReferences((String) null, filter) != null) {
                return null;
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("An escaped filter", e);
        }
        try {
            long left = deadline - System.nanoTime();
            return applied.await(Math.max(0, left), TimeUnit.NANOSECONDS) ? null
                    : "The web console has not confirmed its password within " + timeout.toSeconds()
                            + " s; until it does, it refuses every login.";
        } finally {
            system.removeServiceListener(listener);
        }
    }

    private Bundle consoleBundle() {
        for (Bundle bundle : system.getBundles()) {
            if (CONSOLE_BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
