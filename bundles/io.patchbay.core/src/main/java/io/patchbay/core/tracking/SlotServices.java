package io.patchbay.core.tracking;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.SlotRegistration;
import io.patchbay.api.PatchbayConstants;
import io.patchbay.core.facade.Facades;
import io.patchbay.core.facade.Lifecycles;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The two services the manager registers for a slot: the facade consumers use, under every interface of the slot
 * and with the active implementation's properties (kept up to date), and the replaced-implementation service
 * through which patches call the code they replace (shown to patch bundles only, see {@link HidingHooks}).
 */
final class SlotServices implements SlotRegistration {

    /** Properties the framework owns: never copied from an implementation. */
    private static final Set<String> FRAMEWORK_OWNED = Set.of(Constants.OBJECTCLASS, Constants.SERVICE_ID,
            Constants.SERVICE_BUNDLEID, Constants.SERVICE_SCOPE);

    private final Slot slot;
    private final ServiceRegistration<?> facade;
    private final ServiceRegistration<?> replaced;
    private final Lifecycles lifecycles;
    private Map<String, Object> published;

    /** Both registrations, made; {@code published} are the facade's properties now (tests build one directly). */
    SlotServices(Slot slot, ServiceRegistration<?> facade, ServiceRegistration<?> replaced,
            Map<String, Object> published) {
        this(slot, facade, replaced, published, null);
    }

    SlotServices(Slot slot, ServiceRegistration<?> facade, ServiceRegistration<?> replaced,
            Map<String, Object> published, Lifecycles lifecycles) {
        this.slot = slot;
        this.facade = facade;
        this.replaced = replaced;
        this.published = published;
        this.lifecycles = lifecycles;
    }

    /**
     * Registers both services; the facade's scope is that of {@code first}: prototype when it is prototype-scoped,
     * else bundle (every consumer bundle its own facade, for per-consumer accounting).
     */
    static SlotServices register(BundleContext context, Slot slot, ServiceReference<?> first) {
        String[] names = slot.types().stream().map(Class::getName).toArray(String[]::new);
        boolean prototype = Constants.SCOPE_PROTOTYPE.equals(first.getProperty(Constants.SERVICE_SCOPE));
        Hashtable<String, Object> replacedProperties = new Hashtable<>();
        replacedProperties.put(PatchbayConstants.REPLACED_PROPERTY, slot.id());
        replacedProperties.put(PatchbayConstants.SLOT_PROPERTY, slot.name());
        Facades facades = Facades.of(slot);
        ServiceRegistration<?> replaced = context.registerService(names, facades.replacedFactory(),
                replacedProperties);
        Hashtable<String, Object> properties = propertiesOf(slot, first);
        ServiceRegistration<?> facade = context.registerService(names, facades.factory(prototype), properties);
        return new SlotServices(slot, facade, replaced, properties, facades.lifecycles());
    }

    /** The lifecycle calls of the slot's facades, or {@code null} for one built without facades (tests). */
    Lifecycles lifecycles() {
        return lifecycles;
    }

    /** Test hook: runs after the properties to publish are read, before they are published. */
    static volatile Runnable beforePublish = () -> {
    };

    /**
     * Gives the facade the properties of the slot's active implementation, if they differ from what it has. The
     * route is read inside this lock, so of two switches the last to publish publishes the route both left.
     */
    @Override
    public synchronized void follow() {
        Implementation active = slot.active();
        if (active == null) {
            return;
        }
        Hashtable<String, Object> properties = propertiesOf(slot, active.reference());
        beforePublish.run();
        if (!sameProperties(properties, published)) {
            published = properties;
            try {
                facade.setProperties(properties);
            } catch (IllegalStateException unregistered) {
                // the slot is retiring
            }
        }
    }

    @Override
    public void unregister() {
        for (ServiceRegistration<?> registration : new ServiceRegistration<?>[] { facade, replaced }) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the manager is stopping: the framework unregistered it
            }
        }
    }

    static Hashtable<String, Object> propertiesOf(Slot slot, ServiceReference<?> implementation) {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (String key : implementation.getPropertyKeys()) {
            if (!FRAMEWORK_OWNED.contains(key)) {
                properties.put(key, implementation.getProperty(key));
            }
        }
        properties.put(PatchbayConstants.FACADE_PROPERTY, slot.id());
        return properties;
    }

    private static boolean sameProperties(Map<String, Object> a, Map<String, Object> b) {
        if (b == null || a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : a.entrySet()) {
            if (!java.util.Objects.deepEquals(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
