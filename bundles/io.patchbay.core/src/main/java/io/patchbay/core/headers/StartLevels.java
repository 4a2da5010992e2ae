package io.patchbay.core.headers;

import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Patches start at the manager's start level, before the applications: after a restart the patched
 * implementation is registered before any consumer starts calling, so the restored route never waits on a bundle
 * that the same start-level thread has yet to start.
 */
public final class StartLevels {

    private StartLevels() {
    }

    public static void startWithManager(Bundle patch, Bundle manager) {
        BundleStartLevel managerLevel = manager.adapt(BundleStartLevel.class);
        BundleStartLevel patchLevel = patch.adapt(BundleStartLevel.class);
        if (managerLevel != null && patchLevel != null && patchLevel.getStartLevel() > managerLevel.getStartLevel()) {
            patchLevel.setStartLevel(managerLevel.getStartLevel());
        }
    }
}
