package io.patchbay.core.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;

/** The interfaces a managed registration is registered under, loaded from its bundle. */
final class ImplementationTypes {

    private static final Logger LOG = Logger.getLogger(Slots.class.getName());

    private ImplementationTypes() {
    }

    /** The classes of {@code names} as {@code bundle} sees them, or {@code null} if one cannot be loaded. */
    static List<Class<?>> load(Bundle bundle, List<String> names) {
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            try {
                types.add(bundle.loadClass(name));
            } catch (ClassNotFoundException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Cannot manage " + name + " of " + bundle + ": " + e);
                return null;
            }
        }
        return types.isEmpty() ? null : types;
    }
}
