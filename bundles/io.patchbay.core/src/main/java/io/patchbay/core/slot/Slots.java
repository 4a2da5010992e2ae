package io.patchbay.core.slot;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.core.facade.Facades;
import io.patchbay.core.patch.PatchHeaders;
import io.patchbay.core.patch.StartLevels;
import io.patchbay.core.store.SavedRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Tracks raw implementations of managed services, creates a slot (and registers its facade) for each interface
 * class the first time one appears, and decides where a new or departing implementation leaves the route.
 */
public final class Slots implements ServiceTrackerCustomizer<Object, List<Implementation>> {

    private static final Logger LOG = Logger.getLogger(Slots.class.getName());

    private final BundleContext context;
    private final ManagedServices managed;
    private final Switcher switcher;
    private final LongSupplier dampingMillis;
    private final Map<Class<?>, Slot> slots = new ConcurrentHashMap<>();
    private final Map<Slot, ServiceRegistration<?>> facades = new ConcurrentHashMap<>();
    private final java.util.Set<Slot> published = ConcurrentHashMap.newKeySet();
    private final Map<Long, CompletableFuture<Implementation>> expected = new ConcurrentHashMap<>();
    private final Restorer restorer;
    private volatile boolean closing;

    public Slots(BundleContext context, ManagedServices managed, Switcher switcher, LongSupplier dampingMillis) {
        this.context = context;
        this.managed = managed;
        this.switcher = switcher;
        this.dampingMillis = dampingMillis;
        this.restorer = new Restorer(switcher, dampingMillis);
    }

    /** Every slot, by interface name then API version. */
    public List<Slot> all() {
        return slots.values().stream().sorted(Comparator.comparing((Slot s) -> s.type().getName())
                .thenComparing(s -> Version.parseVersion(s.apiVersion()))).toList();
    }

    /**
     * Apply's hand-off: the first implementation {@code bundle} registers completes the future instead of being
     * routed, so apply can decide. While a bundle is expected, its departing implementation leaves the slot
     * waiting rather than falling back (a host restarting under a fragment patch).
     */
    public CompletableFuture<Implementation> expect(Bundle bundle) {
        CompletableFuture<Implementation> future = new CompletableFuture<>();
        expected.put(bundle.getBundleId(), future);
        return future;
    }

    public void forget(Bundle bundle) {
        expected.remove(bundle.getBundleId());
    }

    public Switcher switcher() {
        return switcher;
    }

    @Override
    public List<Implementation> addingService(ServiceReference<Object> reference) {
        Bundle bundle = reference.getBundle();
        if (closing || bundle == null || !managed.test(reference)) {
            return null;
        }
        Object target = context.getService(reference);
        if (target == null) {
            failExpected(bundle, "its service could not be created: its component failed to activate");
            return null;
        }
        List<Implementation> added = new ArrayList<>();
        for (String name : managed.interfaces(reference)) {
            Class<?> type = load(bundle, name);
            if (type != null && type.isInstance(target)) {
                Slot slot = slots.computeIfAbsent(type, this::create);
                Implementation implementation = new Implementation(slot, reference, target);
                slot.add(implementation);
                added.add(implementation);
                place(slot, implementation);
                publish(slot, reference);
            }
        }
        if (added.isEmpty()) {
            context.ungetService(reference);
            return null;
        }
        return added;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, List<Implementation> implementations) {
        // properties of an implementation do not change its route
    }

    @Override
    public void removedService(ServiceReference<Object> reference, List<Implementation> implementations) {
        boolean shuttingDown = closing || context.getBundle(0).getState() == Bundle.STOPPING;
        for (Implementation implementation : implementations) {
            Slot slot = implementation.slot();
            slot.remove(implementation);
            if (slot.active() == implementation) {
                boolean hostRestarting = expected.containsKey(implementation.bundle().getBundleId());
                Implementation next = hostRestarting ? null : slot.fallback().orElse(null);
                if (shuttingDown || next == null) {
                    // calls wait for the host to come back; the saved route is what a restart restores
                    switcher.quietly(slot, next);
                } else {
                    switcher.change(slot, next, new Switcher.Change("fallback", "framework",
                            implementation.id() + " went away", null, false));
                }
                awaitDrained(implementation);
            }
        }
        context.ungetService(reference);
    }

    private void place(Slot slot, Implementation implementation) {
        CompletableFuture<Implementation> waiting = expected.remove(implementation.bundle().getBundleId());
        if (waiting != null) {
            waiting.complete(implementation); // apply decides; until then it is a standby
            return;
        }
        String awaited = slot.awaiting();
        if (awaited != null) {
            if (awaited.equals(implementation.id())) {
                switcher.quietly(slot, implementation);
            }
            return;
        }
        if (slot.active() == null) {
            switcher.quietly(slot, implementation);
        } else if (PatchHeaders.targets(implementation.bundle(), slot) && !slot.isKnown(implementation.id())) {
            StartLevels.startWithManager(implementation.bundle(), context.getBundle());
            String reason = PatchHeaders.reason(implementation.bundle());
            switcher.change(slot, implementation, new Switcher.Change("apply", "framework",
                    reason == null ? "installed and started outside Patchbay" : reason, null, true));
        }
    }

    private Slot create(Class<?> type) {
        Slot slot = new Slot(type, ApiVersions.of(type), dampingMillis);
        SavedRoute saved = switcher.saved(slot.id());
        if (saved != null) {
            boolean comesBack = isInstalled(saved.active());
            slot.restore(comesBack ? saved.active() : null, saved.previous(), saved.known());
            if (comesBack) {
                restorer.giveUpAfterDamping(slot);
            }
        }
        return slot;
    }

    /**
     * Registers the slot's facade once, after its first implementation is routed and outside any lock: the
     * registration may synchronously activate consumers that call the facade straight away.
     */
    private void publish(Slot slot, ServiceReference<?> first) {
        if (published.add(slot)) {
            facades.put(slot, context.registerService(new String[] { slot.type().getName() },
                    Facades.factory(slot), facadeProperties(slot, first)));
        }
    }

    private boolean isInstalled(String implementationId) {
        for (Bundle bundle : context.getBundles()) {
            if (Implementation.idOf(bundle).equals(implementationId) && bundle.getState() != Bundle.UNINSTALLED) {
                return true;
            }
        }
        return false;
    }

    private static Hashtable<String, Object> facadeProperties(Slot slot, ServiceReference<?> original) {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (String key : original.getPropertyKeys()) {
            if (!key.equals(Constants.OBJECTCLASS) && !key.equals(Constants.SERVICE_ID)
                    && !key.equals(Constants.SERVICE_BUNDLEID) && !key.equals(Constants.SERVICE_SCOPE)
                    && !key.startsWith("component.") && !key.equals(PatchbayConstants.MANAGED)) {
                properties.put(key, original.getProperty(key));
            }
        }
        properties.put(PatchbayConstants.SLOT_PROPERTY, slot.id());
        return properties;
    }

    private static Class<?> load(Bundle bundle, String name) {
        try {
            return bundle.loadClass(name);
        } catch (ClassNotFoundException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Cannot manage " + name + " of " + bundle + ": " + e);
            return null;
        }
    }

    private void failExpected(Bundle bundle, String why) {
        CompletableFuture<Implementation> waiting = expected.remove(bundle.getBundleId());
        if (waiting != null) {
            waiting.completeExceptionally(new IllegalStateException(why));
        }
    }

    private void awaitDrained(Implementation implementation) {
        try {
            if (!implementation.awaitDrained(switcher.drainMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning(implementation + " still had calls running when it went away");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops routing: the manager is going away, facades with it. */
    public void close() {
        closing = true;
        restorer.close();
        facades.values().forEach(ServiceRegistration::unregister);
        facades.clear();
    }
}
