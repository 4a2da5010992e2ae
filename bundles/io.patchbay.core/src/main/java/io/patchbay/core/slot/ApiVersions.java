package io.patchbay.core.slot;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/** The version of the package that exports an interface: the second half of a slot's identity. */
public final class ApiVersions {

    private ApiVersions() {
    }

    /** Whether {@code type} is no longer what its bundle exports: the bundle was refreshed or uninstalled. */
    public static boolean isStale(Class<?> type) {
        Bundle exporter = FrameworkUtil.getBundle(type);
        if (exporter == null) {
            return false; // from the class path: never refreshed
        }
        BundleWiring wiring = exporter.getState() == Bundle.UNINSTALLED ? null : exporter.adapt(BundleWiring.class);
        return wiring == null || wiring.getClassLoader() != type.getClassLoader();
    }

    public static String of(Class<?> type) {
        Bundle exporter = FrameworkUtil.getBundle(type);
        BundleWiring wiring = exporter == null ? null : exporter.adapt(BundleWiring.class);
        if (wiring == null) {
            return Version.emptyVersion.toString();
        }
        String pkg = type.getPackageName();
        for (BundleCapability capability : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (pkg.equals(capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                Object version = capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                return version == null ? Version.emptyVersion.toString() : version.toString();
            }
        }
        return Version.emptyVersion.toString();
    }
}
