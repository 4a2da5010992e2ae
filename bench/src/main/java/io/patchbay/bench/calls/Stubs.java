package io.patchbay.bench.calls;

import java.lang.reflect.Proxy;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * Stand-ins for the two framework objects a Patchbay {@code Implementation} reads (its bundle's name and version),
 * so a facade can be built and called outside OSGi. Everything else they are asked answers {@code null}.
 */
public final class Stubs {

    private Stubs() {
    }

    public static Bundle bundle(String symbolicName, String version) {
        return (Bundle) Proxy.newProxyInstance(Stubs.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion(version);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> symbolicName + " " + version;
                    default -> null;
                });
    }

    public static ServiceReference<?> reference(Bundle bundle) {
        return (ServiceReference<?>) Proxy.newProxyInstance(Stubs.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "reference of " + bundle;
                    default -> null;
                });
    }
}
