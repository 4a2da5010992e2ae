package io.patchbay.core.store;

import java.io.File;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Where a bundle keeps its persistent data: {@code BundleContext.getDataFile("")}. A bundle that is not started has
 * no context; its area is then found where the framework keeps every bundle's, beside the manager's own
 * ({@code <cache>/bundle<id>/data} in Felix).
 */
public final class DataAreas {

    private final Path managerArea;
    private final long managerId;

    /** @param managerArea the manager's own data area, {@code getDataFile("")} of the manager's bundle */
    public DataAreas(Path managerArea, long managerId) {
        this.managerArea = managerArea;
        this.managerId = managerId;
    }

    /** The bundle's data area (it may not exist yet), or {@code null} if the framework gives none. */
    public Path of(Bundle bundle) {
        if (bundle == null) {
            return null; // it was uninstalled: no area any more
        }
        File area = fromContext(bundle.getBundleContext());
        if (area != null) {
            return area.toPath();
        }
        Path home = managerArea == null ? null : managerArea.getParent();
        if (home == null || home.getParent() == null || !home.getFileName().toString().equals("bundle" + managerId)) {
            return null; // not the layout this knows
        }
        return home.resolveSibling("bundle" + bundle.getBundleId()).resolve(managerArea.getFileName());
    }

    private static File fromContext(BundleContext context) {
        try {
            return context == null ? null : context.getDataFile("");
        } catch (IllegalStateException stopped) {
            return null; // it stopped in between: find it by the layout
        }
    }
}
