package io.patchbay.itest;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A whole Felix with its own persistent storage, started and stopped by a plain JUnit test, so that a test can
 * restart the framework on the same storage. Bundle classes are not on the test's class path: services are
 * called through {@link #call}.
 */
final class EmbeddedFelix implements AutoCloseable {

    private final Framework framework;

    EmbeddedFelix(Path storage, int port) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("org.osgi.framework.storage", storage.toString());
        properties.put("org.osgi.framework.startlevel.beginning", "2");
        properties.put("felix.startlevel.bundle", "2");
        properties.put("org.osgi.service.http.port", String.valueOf(port));
        properties.put("org.apache.felix.http.host", "127.0.0.1");
        properties.put("felix.webconsole.password", Container.CONSOLE_PASSWORD);
        properties.put("gosh.args", "--nointeractive");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(properties);
        framework.init();
    }

    /** First start on an empty storage: the launcher's bundles (manager and SCR at level 1) plus {@code extra}. */
    EmbeddedFelix install(List<File> extra) throws Exception {
        BundleContext context = framework.getBundleContext();
        List<File> all = new java.util.ArrayList<>(Container.embeddedBundles());
        all.addAll(extra);
        List<Bundle> installed = new java.util.ArrayList<>();
        for (File jar : all) {
            Bundle bundle = context.installBundle(jar.toURI().toString());
            if (bundle.getSymbolicName().equals("io.patchbay.core")
                    || bundle.getSymbolicName().equals("org.apache.felix.scr")
                    || bundle.getSymbolicName().equals("org.apache.felix.configadmin")) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(1);
            }
            installed.add(bundle);
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get("Fragment-Host") == null) {
                bundle.start();
            }
        }
        return this;
    }

    EmbeddedFelix start() throws Exception {
        framework.start();
        return this;
    }

    /** The first service matching {@code filter}, waited for with a deadline. */
    Object service(String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(),
                FrameworkUtil.createFilter(filter), null);
        tracker.open(true);
        Object service = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        if (service == null) {
            throw new AssertionError("No service " + filter + " within 20 s");
        }
        return service;
    }

    /** Calls a public method by name, through the public interface or class that declares it. */
    static Object call(Object target, String name, Object... arguments) throws Exception {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> candidate : withInterfaces(type)) {
                for (Method method : candidate.getMethods()) {
                    if (method.getName().equals(name) && method.getParameterCount() == arguments.length
                            && java.lang.reflect.Modifier.isPublic(candidate.getModifiers())) {
                        return method.invoke(target, arguments);
                    }
                }
            }
        }
        throw new NoSuchMethodException(name + " on " + target.getClass());
    }

    private static List<Class<?>> withInterfaces(Class<?> type) {
        List<Class<?>> types = new java.util.ArrayList<>(List.of(type.getInterfaces()));
        types.add(0, type);
        return types;
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
    }
}
