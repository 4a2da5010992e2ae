package io.patchbay.core.slot;

import io.patchbay.api.PatchbayConstants;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** The fragment patches attached to a host bundle right now, in attachment order. */
public final class PatchFragments {

    private PatchFragments() {
    }

    public static List<Bundle> attached(Bundle host) {
        BundleWiring wiring = host.adapt(BundleWiring.class);
        List<Bundle> fragments = new ArrayList<>();
        if (wiring == null) {
            return fragments;
        }
        for (BundleWire wire : wiring.getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
            Bundle fragment = wire.getRequirer().getBundle();
            if (fragment.getHeaders("").get(PatchbayConstants.PATCH_HEADER) != null) {
                fragments.add(fragment);
            }
        }
        return fragments;
    }
}
