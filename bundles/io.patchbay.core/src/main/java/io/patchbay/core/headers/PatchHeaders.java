package io.patchbay.core.headers;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.core.slot.Slot;
import java.util.List;
import org.osgi.framework.Bundle;

/** What an installed bundle's manifest says about it as a patch. */
public final class PatchHeaders {

    private PatchHeaders() {
    }

    public static boolean isPatch(Bundle bundle) {
        return bundle.getHeaders("").get(PatchbayConstants.PATCH_HEADER) != null;
    }

    public static String reason(Bundle bundle) {
        return bundle.getHeaders("").get(PatchbayConstants.REASON_HEADER);
    }

    /** Whether {@code bundle} is a patch for {@code slot}; a malformed header targets nothing. */
    public static boolean targets(Bundle bundle, Slot slot) {
        return targetsOf(bundle).stream().anyMatch(t -> t.matches(slot));
    }

    /** Whether {@code bundle} is a patch for some slot of {@code interfaceName}. */
    public static boolean isPatchFor(Bundle bundle, String interfaceName) {
        return targetsOf(bundle).stream().anyMatch(t -> t.interfaceName().equals(interfaceName));
    }

    /** The slot name a patch's header gives for {@code interfaceName}, or {@code null}. */
    public static String slotName(Bundle bundle, String interfaceName) {
        return targetsOf(bundle).stream().filter(t -> t.interfaceName().equals(interfaceName) && t.slot() != null)
                .map(PatchTarget::slot).findFirst().orElse(null);
    }

    private static List<PatchTarget> targetsOf(Bundle bundle) {
        String header = bundle.getHeaders("").get(PatchbayConstants.PATCH_HEADER);
        if (header == null) {
            return List.of();
        }
        try {
            return PatchTarget.parse(header);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
