package io.patchbay.core.slot;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/** Just enough of a bundle and a service reference to build implementations outside a framework. */
public final class Stubs {

    private Stubs() {
    }

    public static Bundle bundle(long id, String symbolicName, String version) {
        return (Bundle) Proxy.newProxyInstance(Stubs.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion(version);
                    case "getBundleId" -> id;
                    case "hashCode" -> (int) id;
                    case "equals" -> proxy == args[0];
                    case "toString" -> symbolicName + " " + version;
                    default -> null;
                });
    }

    public static ServiceReference<?> reference(Bundle bundle, Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(Stubs.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getPropertyKeys" -> properties.keySet().toArray(String[]::new);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    public static Implementation implementation(Slot slot, String symbolicName, String version, Object target) {
        Bundle bundle = bundle(symbolicName.hashCode() + version.hashCode(), symbolicName, version);
        return new Implementation(slot, reference(bundle, Map.of("service.id", 1L)), target);
    }

    /** A canary's split that sends every call to the candidate. */
    public static Split toCandidate(Implementation baseline, Implementation candidate) {
        return new Split(baseline, candidate) {
            @Override
            protected boolean toCandidate(Seat seat) {
                return true;
            }
        };
    }
}
