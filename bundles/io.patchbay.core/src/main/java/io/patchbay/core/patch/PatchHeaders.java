package io.patchbay.core.patch;

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
        String header = bundle.getHeaders("").get(PatchbayConstants.PATCH_HEADER);
        if (header == null) {
            return false;
        }
        try {
            List<PatchTarget> targets = PatchTarget.parse(header);
            return targets.stream().anyMatch(t -> t.matches(slot.type().getName(), slot.apiVersion()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
