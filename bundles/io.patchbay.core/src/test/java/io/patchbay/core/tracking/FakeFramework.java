package io.patchbay.core.tracking;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import io.patchbay.core.store.FileJournal;
import io.patchbay.core.store.IntentFile;
import io.patchbay.core.store.Ledger;
import io.patchbay.core.store.RouteStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Just enough of a framework to drive the real {@link Slots}, {@link Switcher}, route store and ledger from a test,
 * one step at a time: bundles whose state the test sets, and registrations the test hands to the tracker's
 * callbacks itself, so every interleaving is the one the test writes down.
 */
final class FakeFramework {

    /** A bundle whose state the test changes. */
    static final class FakeBundle {
        final Bundle bundle;
        int state = Bundle.ACTIVE;
        boolean persistentlyStarted;
        String location;
        final Hashtable<String, String> headers = new Hashtable<>();
        /** What {@code start()} does: nothing, unless the test registers the bundle's service or fails its start. */
        volatile Starting onStart = () -> {
        };

        private FakeBundle(long id, String symbolicName, String version) {
            this.bundle = (Bundle) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(),
                    new Class<?>[] { Bundle.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getSymbolicName" -> symbolicName;
                        case "getVersion" -> Version.parseVersion(version);
                        case "getBundleId" -> id;
                        case "getState" -> state;
                        case "getLocation" -> location;
                        case "getHeaders" -> headers;
                        case "loadClass" -> Class.forName((String) args[0]);
                        case "start" -> {
                            onStart.run();
                            yield null;
                        }
                        case "uninstall" -> {
                            state = Bundle.UNINSTALLED;
                            yield null;
                        }
                        case "adapt" -> args[0] == BundleStartLevel.class ? startLevel(this) : null;
                        case "hashCode" -> (int) id;
                        case "equals" -> proxy == args[0];
                        case "toString" -> symbolicName + " " + version;
                        default -> null;
                    });
        }
    }

    /** A bundle's start, which may fail as {@code Bundle.start()} does. */
    interface Starting {
        void run() throws BundleException;
    }

    private static BundleStartLevel startLevel(FakeBundle bundle) {
        return (BundleStartLevel) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(),
                new Class<?>[] { BundleStartLevel.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "isPersistentlyStarted" -> bundle.persistentlyStarted;
                    case "getStartLevel" -> 2;
                    default -> null;
                });
    }

    /** What {@code installBundle(location, in)} installs (apply's tests). */
    volatile java.util.function.Function<String, FakeBundle> installing = location -> {
        throw new IllegalStateException("this test installs nothing");
    };
    private Path data; // the data folder: set by the constructor, after the context that reads it
    private final List<FakeBundle> bundles = new CopyOnWriteArrayList<>();
    /** Every set of properties a facade was given after its registration, in order. */
    final List<Object> published = new CopyOnWriteArrayList<>();
    /** Whether a slot has a canary in progress, as the manager's canaries would say. */
    volatile java.util.function.Predicate<Slot> canaryRunning = slot -> false;
    /** Every reference the manager gave back, in order. */
    final List<ServiceReference<?>> ungot = new CopyOnWriteArrayList<>();
    /** Services the manager registered (a facade and a replaced-code service per slot), and unregistered. */
    final AtomicInteger registrations = new AtomicInteger();
    final AtomicInteger unregistrations = new AtomicInteger();
    /** What the manager registered, in order: per slot its replaced-code service's factory, then its facade's. */
    final List<Object> factories = new CopyOnWriteArrayList<>();
    private final Map<ServiceReference<?>, Object> services = new HashMap<>();
    private final Map<ServiceReference<?>, Implementation> tracked = new HashMap<>();
    private final FakeBundle system = install("system.bundle", "1.0.0");
    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(
            FakeFramework.class.getClassLoader(), new Class<?>[] { BundleContext.class },
            (proxy, method, args) -> switch (method.getName()) {
                case "getBundle" -> system.bundle; // the manager's bundle, and bundle 0
                case "getBundles" -> bundles.stream().map(b -> b.bundle).toArray(Bundle[]::new);
                case "getService" -> services.get(args[0]);
                case "ungetService" -> {
                    ungot.add((ServiceReference<?>) args[0]);
                    yield true;
                }
                case "registerService" -> {
                    registrations.incrementAndGet();
                    factories.add(args[1]);
                    yield registration(published, unregistrations);
                }
                case "installBundle" -> installing.apply((String) args[0]).bundle;
                case "getDataFile" -> data.resolve((String) args[0]).toFile();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            });
    private long nextServiceId = 1;
    /** How long calls wait for a slot with no implementation, and a slot for its implementation to come back. */
    static final long DAMPING_MILLIS = 200;

    final RouteOwner owner = new RouteOwner();
    final Ledger ledger;
    final RouteStore routes;
    final IntentFile intents;
    final Switcher switcher;
    final Slots slots;

    FakeFramework(Path folder) {
        data = folder;
        ledger = new Ledger(folder.resolve("ledger.jsonl"));
        routes = new RouteStore(folder.resolve("routes.properties"));
        intents = new IntentFile(folder.resolve("operations.properties"));
        switcher = new Switcher(new FileJournal(intents, routes, ledger), () -> 1000, entry -> {
        });
        slots = new Slots(context, new ManagedServices(system.bundle, Set::of), switcher, owner,
                new SlotPolicy(() -> DAMPING_MILLIS, () -> restoreMillis, () -> true, slot -> canaryRunning.test(slot),
                        implementation -> {
                        }));
    }

    FakeBundle install(String symbolicName, String version) {
        FakeBundle bundle = new FakeBundle(bundles.size(), symbolicName, version);
        bundles.add(bundle);
        return bundle;
    }

    /** Registers a managed {@link Greeting} of slot {@code name} and hands it to the tracker, as Felix would. */
    ServiceReference<Object> register(FakeBundle bundle, String name, String answer) {
        return register(bundle, Map.of("patchbay.slot", name, "answer", answer), (Greeting) () -> answer);
    }

    /**
     * Registers a managed service with its own {@code properties} (the framework adds its own), under
     * {@link Greeting} unless they name an {@code objectClass}.
     */
    ServiceReference<Object> register(FakeBundle bundle, Map<String, Object> own, Object service) {
        ServiceReference<Object> reference = registerNow(bundle, own, service);
        settled();
        return reference;
    }

    /** {@link #register(FakeBundle, Map, Object)} without waiting for what the owner does after it. */
    ServiceReference<Object> registerNow(FakeBundle bundle, Map<String, Object> own, Object service) {
        Map<String, Object> properties = new HashMap<>(own);
        properties.putIfAbsent("objectClass", new String[] { Greeting.class.getName() });
        properties.putAll(Map.of("service.id", nextServiceId++, "patchbay.managed", "true"));
        @SuppressWarnings("unchecked")
        ServiceReference<Object> reference = (ServiceReference<Object>) Stubs.reference(bundle.bundle, properties);
        services.put(reference, service);
        Implementation implementation = slots.addingService(reference);
        if (implementation != null) {
            tracked.put(reference, implementation);
        }
        return reference;
    }

    /** How long a restored slot waits for a running bundle's service. */
    volatile long restoreMillis = 60_000;

    /** Unregisters a service, then waits until the route's owner has done what the departure queued. */
    void unregister(ServiceReference<Object> reference) {
        unregisterNow(reference);
        settled();
    }

    /** Unregisters a service: the tracker's removal callback, on the calling thread; the owner's work may follow. */
    void unregisterNow(ServiceReference<Object> reference) {
        slots.removedService(reference, tracked.remove(reference));
        services.remove(reference);
    }

    /** The framework has started ({@code FrameworkEvent.STARTED}); waits for what that queued. */
    void settle() {
        slots.settle();
        settled();
    }

    /** Waits until the route's owner has run every change queued so far. */
    void settled() {
        try {
            if (!owner.awaitQueued(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the route's owner did not finish its queue within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    BundleContext context() {
        return context;
    }

    Implementation implementation(ServiceReference<Object> reference) {
        return tracked.get(reference);
    }

    /** The only slot. */
    Slot slot() {
        List<Slot> all = slots.all();
        if (all.size() != 1) {
            throw new AssertionError("one slot expected: " + all);
        }
        return all.get(0);
    }

    /** Waits until the owner has run what a departure scheduled for one damping timeout from now. */
    void pastDamping() {
        CountDownLatch past = new CountDownLatch(1);
        owner.schedule("test: past the damping timeout", DAMPING_MILLIS + 50, past::countDown);
        try {
            if (!past.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the route's owner did not get past the damping timeout within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ServiceRegistration<?> registration(List<Object> published,
            AtomicInteger unregistrations) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(),
                new Class<?>[] { ServiceRegistration.class }, (proxy, method, args) -> {
                    if (method.getName().equals("setProperties")) {
                        published.add(args[0]);
                    } else if (method.getName().equals("unregister")) {
                        unregistrations.incrementAndGet();
                    }
                    return null;
                });
    }
}
