package io.patchbay.bench.scale.inside;

import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Activator of the generated implementation and patch bundles (runs inside the framework, copied into their
 * jars): registers one managed service per generated class. The manifest says which:
 * {@code Bench-Count}, {@code Bench-Classes} (class name prefix) and {@code Bench-Interfaces} (interface prefix).
 */
public final class Providers implements BundleActivator {

    @Override
    public void start(BundleContext context) throws Exception {
        int count = Integer.parseInt(context.getBundle().getHeaders("").get("Bench-Count"));
        String classes = context.getBundle().getHeaders("").get("Bench-Classes");
        String interfaces = context.getBundle().getHeaders("").get("Bench-Interfaces");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("patchbay.managed", "true");
        for (int i = 0; i < count; i++) {
            Object service = context.getBundle().loadClass(classes + i).getConstructor().newInstance();
            context.registerService(interfaces + i, service, properties);
        }
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }
}
