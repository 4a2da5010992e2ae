package io.patchbay.core.facade;

import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import java.util.function.Function;
import org.osgi.framework.PrototypeServiceFactory;

/** The factory of a slot whose implementation is prototype-scoped: each {@code getService()} its own facade. */
public class PrototypeFacadeFactory extends FacadeFactory implements PrototypeServiceFactory<Object> {

    public PrototypeFacadeFactory(Slot slot, Function<Seat, Object> facades, boolean consumers) {
        super(slot, facades, consumers);
    }
}
