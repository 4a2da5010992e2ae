package io.patchbay.core.tracking;

import java.util.List;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Where a bundle gets a class's package from, answered by its wiring alone, in the framework's search order: the
 * class loader of the bundle its import of the package is wired to, else of a bundle it requires that exports it,
 * else its own if it holds the package itself (exports it, or has the class inside), else {@code null} (it cannot see the package: nothing to mismatch). No class is loaded.
 */
final class PackageSource {

    private PackageSource() {
    }

    static ClassLoader of(BundleWiring wiring, Class<?> type) {
        String name = type.getPackageName();
        List<BundleWire> imports = wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
        for (BundleWire wire : imports == null ? List.<BundleWire>of() : imports) {
            if (name.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                BundleWiring provider = wire.getProviderWiring();
                if (provider != null && provider.getBundle() != null && provider.getBundle().getBundleId() == 0) {
                    // the framework exports it (java.* under OSGi R7+, the JDK's packages): the class the
                    // framework itself has, whatever loader that is, the boot loader's included
                    return type.getClassLoader();
                }
                return provider == null ? null : provider.getClassLoader();
            }
        }
        List<BundleWire> required = wiring.getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE);
        for (BundleWire wire : required == null ? List.<BundleWire>of() : required) {
            BundleWiring provider = wire.getProviderWiring();
            if (provider != null && exports(provider, name)) {
                return provider.getClassLoader();
            }
        }
        if (exports(wiring, name)) {
            return wiring.getClassLoader();
        }
        String file = type.getName().substring(name.isEmpty() ? 0 : name.length() + 1) + ".class";
        List<?> inside = wiring.findEntries("/" + name.replace('.', '/'), file, 0);
        return inside == null || inside.isEmpty() ? null : wiring.getClassLoader();
    }

    private static boolean exports(BundleWiring wiring, String name) {
        List<BundleCapability> exports = wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE);
        for (BundleCapability export : exports == null ? List.<BundleCapability>of() : exports) {
            if (name.equals(export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }
}
