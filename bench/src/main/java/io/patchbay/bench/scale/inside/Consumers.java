package io.patchbay.bench.scale.inside;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.IntSupplier;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Activator of a generated consumer bundle (runs inside the framework): gets every generated service once with
 * plain {@code getService} and keeps it. Registers an {@link IntSupplier} (a {@code java.*} type, so the harness
 * shares it) that answers what the first service's {@code value()} returns now.
 */
public final class Consumers implements BundleActivator {

    private final List<Object> held = new ArrayList<>();

    @Override
    public void start(BundleContext context) throws Exception {
        int count = Integer.parseInt(context.getBundle().getHeaders("").get("Bench-Count"));
        String interfaces = context.getBundle().getHeaders("").get("Bench-Interfaces");
        for (int i = 0; i < count; i++) {
            ServiceReference<?> reference = context.getServiceReference(interfaces + i);
            Object service = reference == null ? null : context.getService(reference);
            if (service == null) {
                throw new IllegalStateException("No service " + interfaces + i);
            }
            held.add(service);
        }
        Method value = context.getBundle().loadClass(interfaces + 0).getMethod("value");
        Object first = held.get(0);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("bench.consumer", context.getBundle().getSymbolicName());
        context.registerService(IntSupplier.class, () -> {
            try {
                return (Integer) value.invoke(first);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }, properties);
    }

    @Override
    public void stop(BundleContext context) {
        held.clear();
    }
}
