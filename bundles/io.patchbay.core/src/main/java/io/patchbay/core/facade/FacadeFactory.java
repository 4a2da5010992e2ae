package io.patchbay.core.facade;

import io.patchbay.core.slot.Slot;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Registered under the slot's interface: every consumer bundle gets its own facade, for per-consumer accounting.
 * Instances are of a generated subclass defined beside the facade (see {@link FacadeClassLoader} for why), so this
 * class is public and open.
 */
public class FacadeFactory implements ServiceFactory<Object> {

    private final Slot slot;
    private final Function<Slot, Object> facades;

    public FacadeFactory(Slot slot, Function<Slot, Object> facades) {
        this.slot = slot;
        this.facades = facades;
    }

    @Override
    public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
        slot.consumerAdded(bundle);
        return facades.apply(slot);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
        slot.consumerRemoved(bundle);
    }
}
