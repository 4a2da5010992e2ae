package io.patchbay.launcher;

import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Gogo commands that the launcher adds: {@code shutdown} (also {@code patchbay:shutdown}) stops the framework, and
 * with it the process, which then exits 0, like {@code stop 0} and {@code exit 0} do.
 */
public final class ShellCommands {

    private final BundleContext systemContext;

    private ShellCommands(BundleContext systemContext) {
        this.systemContext = systemContext;
    }

    /** Registers the commands with the system bundle, so that they live exactly as long as the framework. */
    static void register(BundleContext systemContext) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", "patchbay");
        properties.put("osgi.command.function", new String[] {"shutdown"});
        properties.put(Constants.SERVICE_DESCRIPTION, "Patchbay launcher commands");
        systemContext.registerService(Object.class, new ShellCommands(systemContext), properties);
    }

    /** Gogo: {@code shutdown}. */
    public void shutdown() throws BundleException {
        System.out.println("Stopping Patchbay.");
        systemContext.getBundle(Constants.SYSTEM_BUNDLE_ID).stop();
    }
}
