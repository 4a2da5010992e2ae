package io.patchbay.core.headers;

import org.osgi.framework.Bundle;

/** Where apply installs a patch from: a location of Patchbay's own, so that the manager can tell its installs apart. */
public final class PatchLocation {

    private static final String PREFIX = "patchbay:patch/";

    private PatchLocation() {
    }

    public static String of(String patchId) {
        return PREFIX + patchId;
    }

    /**
     * Whether apply installed {@code bundle}. Such a patch changes the slot apply was for and no other: its services
     * for other slots stay standbys, however late they register, until an operator applies it there too.
     */
    public static boolean installedByApply(Bundle bundle) {
        String location = bundle.getLocation();
        return location != null && location.startsWith(PREFIX);
    }
}
