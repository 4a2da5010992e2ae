package io.patchbay.bench.felix;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A whole Felix in this JVM on a fresh storage folder (deleted on close). Bundle classes are not on the
 * harness's class path, so their services are called reflectively ({@link Reflect}).
 */
public final class Felix implements AutoCloseable {

    private static final long WAIT_SECONDS = 30;
    /** {@code -Dbench.felix.<name>=<value>} sets framework property {@code <name>} in every embedded Felix. */
    private static final String PASS_THROUGH = "bench.felix.";
    /** Started first, at start level 1: the manager's hooks must be up before any application registers. */
    private static final List<String> FIRST = List.of("io.patchbay.core", "org.apache.felix.scr");

    private final Framework framework;
    private final Path storage;

    private Felix(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /** A started framework with {@code bundles} installed and started; {@code properties} add to the defaults. */
    public static Felix start(List<File> bundles, Map<String, String> properties) throws Exception {
        Path storage = Files.createTempDirectory("patchbay-bench-");
        Map<String, String> all = new HashMap<>();
        all.put("org.osgi.framework.storage", storage.toString());
        all.put("org.osgi.framework.storage.clean", "onFirstInit");
        all.put("org.osgi.framework.startlevel.beginning", "2");
        all.put("felix.startlevel.bundle", "2");
        all.put("felix.log.level", "1");
        all.put("ds.loglevel", "error");
        all.putAll(properties);
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(PASS_THROUGH))
                .forEach(name -> all.put(name.substring(PASS_THROUGH.length()), System.getProperty(name)));
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(all);
        framework.init();
        Felix felix = new Felix(framework, storage);
        List<Bundle> installed = new ArrayList<>();
        for (File jar : bundles) {
            Bundle bundle = felix.context().installBundle(jar.toURI().toString());
            if (FIRST.contains(bundle.getSymbolicName())) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(1);
            }
            installed.add(bundle);
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders("").get("Fragment-Host") == null) {
                bundle.start();
            }
        }
        framework.start();
        return felix;
    }

    public static Felix start(List<File> bundles) throws Exception {
        return start(bundles, Map.of());
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** The first service matching {@code filter}, waited for with a deadline. */
    public Object service(String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = tracker(filter);
        Object service = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        if (service == null) {
            throw new IllegalStateException("No service " + filter + " within " + WAIT_SECONDS + " s");
        }
        return service;
    }

    /** An open tracker (every service, whoever registered it); the caller closes it, or the framework does. */
    public ServiceTracker<Object, Object> tracker(String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context(), FrameworkUtil.createFilter(filter),
                null);
        tracker.open(true);
        return tracker;
    }

    public Bundle bundle(String symbolicName) {
        return Stream.of(context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .filter(b -> b.getState() != Bundle.UNINSTALLED).findFirst()
                .orElseThrow(() -> new IllegalStateException("No bundle " + symbolicName));
    }

    /** Refreshes {@code bundles} (or every pending removal when {@code null}) and waits until it is done. */
    public void refresh(Collection<Bundle> bundles) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        if (!done.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Refresh of " + bundles + " did not finish within " + WAIT_SECONDS + " s");
        }
    }

    @Override
    public void close() throws BundleException, InterruptedException {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } finally {
            delete(storage);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
