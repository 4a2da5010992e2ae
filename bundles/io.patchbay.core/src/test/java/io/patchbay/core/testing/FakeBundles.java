package io.patchbay.core.testing;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Just enough of a framework for the patch steps that read the installed bundles: bundles with a name, version,
 * location, headers and start level the test sets, and a context that lists them and gives a data folder.
 */
public final class FakeBundles {

    /** A bundle whose fields the test sets. */
    public static final class FakeBundle {
        public final long id;
        public final String symbolicName;
        public final Version version;
        public final Hashtable<String, String> headers = new Hashtable<>();
        public String location;
        public int state = Bundle.ACTIVE;
        public int startLevel = 1;
        public boolean uninstalled;
        public BundleException uninstallFailure;
        public long lastModified;
        /** Its revision's class loader ({@code adapt(BundleWiring.class)} answers a wiring only when set). */
        public ClassLoader loader;
        public boolean currentWiring = true;
        public List<String> classResources = List.of();
        public ServiceReference<?>[] registered;
        /** Of the manager's bundle, which stands in for the system bundle: what its FrameworkWiring has pending. */
        public final List<FakeBundle> removalPending = new ArrayList<>();
        /** Of the manager's bundle: the bundles refreshed, and the event a refresh ends with (none: it never ends). */
        public final List<Bundle> refreshed = new ArrayList<>();
        public FrameworkEvent refreshOutcome;
        public final Bundle bundle;

        public FakeBundle(long id, String symbolicName, String version) {
            this.id = id;
            this.symbolicName = symbolicName;
            this.version = Version.parseVersion(version);
            this.location = "file:" + symbolicName + "-" + version + ".jar";
            this.bundle = (Bundle) Proxy.newProxyInstance(FakeBundles.class.getClassLoader(),
                    new Class<?>[] { Bundle.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getSymbolicName" -> symbolicName;
                        case "getVersion" -> this.version;
                        case "getBundleId" -> id;
                        case "getState" -> state;
                        case "getLastModified" -> lastModified;
                        case "getLocation" -> location;
                        case "getHeaders" -> headers;
                        case "adapt" -> adapt((Class<?>) args[0]);
                        case "getRegisteredServices" -> registered;
                        case "uninstall" -> uninstall();
                        case "hashCode" -> (int) id;
                        case "equals" -> proxy == args[0];
                        case "toString" -> symbolicName + " " + version;
                        default -> null;
                    });
        }

        public FakeBundle header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        private Object adapt(Class<?> type) {
            if (type == BundleStartLevel.class) {
                return startLevel();
            }
            if (type == BundleWiring.class && loader != null) {
                return Proxy.newProxyInstance(FakeBundles.class.getClassLoader(), new Class<?>[] { BundleWiring.class },
                        (proxy, method, args) -> switch (method.getName()) {
                            case "getClassLoader" -> loader;
                            case "isCurrent" -> currentWiring;
                            case "listResources" -> classResources;
                            case "getProvidedWires", "getRequiredWires" -> List.of();
                            default -> null;
                        });
            }
            if (type == FrameworkWiring.class) {
                return Proxy.newProxyInstance(FakeBundles.class.getClassLoader(),
                        new Class<?>[] { FrameworkWiring.class }, (proxy, method, args) -> switch (method.getName()) {
                            case "getRemovalPendingBundles" -> removalPending.stream().map(b -> b.bundle).toList();
                            case "refreshBundles" -> refresh(args);
                            default -> null;
                        });
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        private Object refresh(Object[] args) {
            refreshed.addAll((java.util.Collection<Bundle>) args[0]);
            if (refreshOutcome != null) {
                for (FrameworkListener listener : (FrameworkListener[]) args[1]) {
                    listener.frameworkEvent(refreshOutcome);
                }
            }
            return null;
        }

        private Object uninstall() throws BundleException {
            if (uninstallFailure != null) {
                throw uninstallFailure;
            }
            uninstalled = true;
            state = Bundle.UNINSTALLED;
            return null;
        }

        private BundleStartLevel startLevel() {
            return (BundleStartLevel) Proxy.newProxyInstance(FakeBundles.class.getClassLoader(),
                    new Class<?>[] { BundleStartLevel.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getStartLevel" -> startLevel;
                        case "setStartLevel" -> {
                            startLevel = (Integer) args[0];
                            yield null;
                        }
                        default -> null;
                    });
        }
    }

    /** A service of {@code bundle} with this service id. */
    public static ServiceReference<?> reference(Bundle bundle, long serviceId) {
        return (ServiceReference<?>) Proxy.newProxyInstance(FakeBundles.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> "service.id".equals(args[0]) ? serviceId : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    /** An implementation of {@code slot} by {@code bundle}, added to the slot. */
    public static Implementation implementation(Slot slot, FakeBundle bundle) {
        Implementation implementation = new Implementation(slot, reference(bundle.bundle, bundle.id * 10),
                (java.util.function.Supplier<String>) () -> bundle.symbolicName);
        slot.add(implementation);
        return implementation;
    }

    private final List<FakeBundle> bundles = new ArrayList<>();

    private final Path data;
    private final FakeBundle manager;

    /** @param data the manager's data folder ({@code getDataFile}) */
    public FakeBundles(Path data) {
        this.data = data;
        this.manager = add(0, "io.patchbay.core", "0.1.0");
    }

    public FakeBundle add(long id, String symbolicName, String version) {
        FakeBundle bundle = new FakeBundle(id, symbolicName, version);
        bundles.add(bundle);
        return bundle;
    }

    public FakeBundle manager() {
        return manager;
    }

    public BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(FakeBundles.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundles" -> bundles.stream().filter(b -> !b.uninstalled).map(b -> b.bundle)
                            .toArray(Bundle[]::new);
                    case "getBundle" -> args == null ? manager.bundle : find(args[0]);
                    case "getDataFile" -> new File(data.toFile(), (String) args[0]);
                    case "getProperty" -> Map.of().get(args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private Bundle find(Object key) {
        return bundles.stream().filter(b -> !b.uninstalled)
                .filter(b -> key instanceof Long id ? b.id == id : key.equals(b.location)).map(b -> b.bundle)
                .findFirst().orElse(null);
    }
}
