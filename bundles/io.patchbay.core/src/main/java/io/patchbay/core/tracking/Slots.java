package io.patchbay.core.tracking;

import io.patchbay.core.slot.ApiVersions;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.SlotRegistration;
import io.patchbay.core.headers.PatchHeaders;
import io.patchbay.core.headers.PatchLocation;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Tracks raw implementations of managed services, puts each in its slot (creating the slot, and registering its
 * facade, the first time), decides where a new or departing implementation leaves the route, and retires slots
 * whose API went away.
 */
public final class Slots implements ServiceTrackerCustomizer<Object, Implementation>, BundleListener {

    /** Test hook: runs after an arriving implementation's slot is looked up, before it joins it. */
    static volatile java.util.function.Consumer<Slot> placing = slot -> {
    };

    private static final Logger LOG = Logger.getLogger(Slots.class.getName());

    private final BundleContext context;
    private final ManagedServices managed;
    private final Switcher switcher;
    private final SlotTable table;
    private final Expectations expectations = new Expectations();
    private final Restorer restorer;
    private final RouteOwner owner;
    private final SlotPolicy policy;
    private final Departures departures;
    private final OutsidePatches outside;
    private final Returns returns;
    private final LifecycleReplay lifecycles;
    private final QuietStandbys standbys;
    private volatile boolean closing;

    public Slots(BundleContext context, ManagedServices managed, Switcher switcher, RouteOwner owner,
            SlotPolicy policy) {
        this.context = context;
        this.managed = managed;
        this.switcher = switcher;
        this.owner = owner;
        this.policy = policy;
        this.table = new SlotTable(context, switcher, policy.dampingMillis());
        this.restorer = new Restorer(switcher, owner, context::getBundles, policy.restoreMillis());
        this.departures = new Departures(context, switcher, owner, policy.departing());
        this.outside = new OutsidePatches(context, switcher, policy);
        this.returns = new Returns(departures, switcher, owner, policy.dampingMillis(), this::retire);
        this.lifecycles = new LifecycleReplay(owner, switcher::drainMillis);
        this.standbys = new QuietStandbys(table::snapshot, expectations, switcher.carry());
    }

    /** Which bundles are standbys, kept quiet by the hooks and woken before a switch routes to them. */
    public QuietStandbys standbys() { return standbys; }

    /** The one writer of the routes: operations run on it. */
    public RouteOwner owner() {
        return owner;
    }

    /** Every slot, by interface name, API version, then name. */
    public List<Slot> all() {
        return table.all();
    }

    public Expectations expectations() {
        return expectations;
    }

    public Switcher switcher() {
        return switcher;
    }

    /** The interfaces of the slot with this id, or {@code null} if there is none (for the hooks). */
    public List<Class<?>> typesOf(String slotId) {
        return table.snapshot().stream().filter(slot -> slot.id().equals(slotId)).findFirst().map(Slot::types)
                .orElse(null);
    }

    /** The framework has started: slots restored after a restart stop waiting (see {@link Restorer}). */
    public void settle() {
        restorer.settle(table.snapshot());
        for (Slot slot : table.snapshot()) { // only patches applied to other slots came: the first of them serves
            List<Implementation> waiting = slot.implementations();
            if (slot.active() == null && !waiting.isEmpty()) {
                switcher.quietly(slot, waiting.get(0));
            }
        }
    }

    @Override
    public Implementation addingService(ServiceReference<Object> reference) {
        Bundle bundle = reference.getBundle();
        if (closing || bundle == null || !managed.test(reference)) {
            return null;
        }
        List<Class<?>> types = ImplementationTypes.load(bundle, managed.interfaces(reference));
        Object target = types == null ? null : context.getService(reference);
        if (target == null || !types.stream().allMatch(t -> t.isInstance(target))) {
            expectations.fail(bundle, "its service could not be created: its component failed to activate");
            return leaveVisible(reference, target, "its service object could not be obtained");
        }
        SlotTable.Key key = table.keyFor(reference, types, bundle);
        Expectations.Expectation expected = expectations.claim(bundle, types.get(0), table.get(key),
                PatchHeaders.slotName(bundle, types.get(0).getName()) != null);
        Slot slot = expected != null ? handedTo(expected, key) : table.getOrCreate(key, types);
        String problem = slot == null ? noneOf(expected, key) : missing(slot, types, bundle);
        if (problem != null) {
            if (expected != null) {
                expected.arrival().completeExceptionally(new IllegalStateException(problem));
            }
            return leaveVisible(reference, target, problem);
        }
        Implementation implementation = new Implementation(slot, reference, target);
        placing.accept(slot);
        while (!slot.add(implementation)) { // the slot retired since it was looked up (its last implementation left)
            if (expected != null) {
                String retired = slot.id() + " retired while " + bundle.getSymbolicName() + " registered its service";
                expected.arrival().completeExceptionally(new IllegalStateException(retired));
                return leaveVisible(reference, target, retired);
            }
            slot = table.getOrCreate(key, types);
            implementation = new Implementation(slot, reference, target);
        }
        lifecycles.arrived(implementation); // started like its slot's facades, before any route goes to it
        if (expected != null) {
            expected.arrival().complete(implementation); // apply decides; until then it is a standby
        } else {
            place(slot, implementation);
        }
        publish(slot, reference);
        return implementation;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Implementation implementation) {
        if (implementation.slot().active() == implementation) {
            implementation.slot().followActive();
        }
    }

    /**
     * Only what must happen at once, in memory: the implementation is gone (no route, no split to it), the route
     * falls back if it pointed here, so calls keep flowing. Recording the fallback, and draining, releasing and
     * ungetting the implementation, are queued on the {@link RouteOwner}: this runs on the thread that unregisters.
     */
    @Override
    public void removedService(ServiceReference<Object> reference, Implementation implementation) {
        boolean shuttingDown = closing || context.getBundle(0).getState() == Bundle.STOPPING;
        Slot slot = implementation.slot();
        Bundle bundle = implementation.bundle();
        boolean hostRestarting = bundle != null && expectations.expects(bundle);
        departures.left(slot, implementation, shuttingDown);
        if (shuttingDown || hostRestarting) {
            departures.fallBack(slot, implementation, hostRestarting, shuttingDown);
        } else {
            returns.left(slot, implementation); // calls wait for it to come back, or the route falls back
        }
        lifecycles.left(implementation); // stopped after its drain, before its service is given back
        departures.release(implementation, reference);
        retireIfStale(slot);
    }

    /**
     * An API bundle was refreshed or uninstalled: empty slots of its old classes retire. A bundle stopped or
     * uninstalled: slots created after the start that wait for its implementation stop waiting.
     */
    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.UNRESOLVED || event.getType() == BundleEvent.UNINSTALLED) {
            table.snapshot().forEach(this::retireIfStale);
        }
        if (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNINSTALLED) {
            table.snapshot().forEach(restorer::recheck); // a slot waiting for this bundle's service stops
        }
    }

    private Slot handedTo(Expectations.Expectation expected, SlotTable.Key key) {
        if (expected.target() != null) {
            return expected.target();
        }
        Slot own = table.get(key);
        return expected.candidates().contains(own) ? own : null;
    }

    private static String noneOf(Expectations.Expectation expected, SlotTable.Key key) {
        return "its service is named " + key.name() + ", which is none of the slots it could patch ("
                + expected.candidates().stream().map(Slot::id).collect(Collectors.joining(", "))
                + "); name one with slot= in Patchbay-Patch or --slot";
    }

    private static String missing(Slot slot, List<Class<?>> types, Bundle bundle) {
        List<String> absent = slot.types().stream().filter(t -> !types.contains(t)).map(Class::getName).toList();
        return absent.isEmpty() ? null : bundle.getSymbolicName() + " does not register " + String.join(", ", absent)
                + ", which the consumers of " + slot.id() + " use";
    }

    private void place(Slot slot, Implementation implementation) {
        String awaited = slot.awaiting();
        if (awaited != null) {
            if (awaited.equals(implementation.id())) {
                switcher.quietly(slot, implementation);
            } else {
                restorer.recheck(slot);
            }
            return;
        }
        if (slot.active() == null) {
            if (returns.waitsForAnother(slot, implementation)) {
                return; // a standby: the one that left may come back within the damping timeout
            }
            if (!restorer.settled() && PatchLocation.installedByApply(implementation.bundle())) {
                return; // during a start a patch applied elsewhere is no first route: the slot's own will come
            }
            switcher.quietly(slot, implementation);
        } else if (PatchHeaders.targets(implementation.bundle(), slot) && !slot.isKnown(implementation.id())
                && !expectations.expects(implementation.bundle())
                && !PatchLocation.installedByApply(implementation.bundle())) { // one apply patches one slot
            if (!policy.outsidePatchesApply().getAsBoolean()) {
                LOG.warning(implementation.id() + " was installed outside Patchbay; in trusted mode it stays a standby"
                        + " of " + slot.id() + " until it is applied with patch:apply.");
                return;
            }
            owner.submit("switch of " + slot.id() + " to " + implementation.id(), () -> outside.switchTo(slot,
                    implementation));
        }
    }

    /** Registers the slot's services once, after its first implementation is routed and outside any lock. */
    private void publish(Slot slot, ServiceReference<?> first) {
        if (closing || !slot.publication().claim()) {
            return;
        }
        SlotServices services = SlotServices.register(context, slot, first);
        slot.publication().registered(services);
        slot.followActive();
    }

    private void retireIfStale(Slot slot) {
        if (slot.implementations().isEmpty() && ApiVersions.isStale(slot.type())) {
            retire(slot, "its API bundle was refreshed or uninstalled");
        }
    }

    private void retire(Slot slot, String why) {
        if (slot.retireIfEmpty()) {
            table.remove(slot);
            SlotRegistration services = slot.publication().registered();
            if (services != null) {
                services.unregister();
            }
            LOG.info("Slot " + slot.id() + " retired: " + why + ".");
        }
    }

    private Implementation leaveVisible(ServiceReference<?> reference, Object target, String why) {
        managed.release(reference);
        if (target != null) {
            context.ungetService(reference);
        }
        LOG.warning("Patchbay does not manage service " + reference.getProperty("service.id") + " of "
                + reference.getBundle() + ": " + why + ".");
        return null;
    }

    /** Stops routing: the manager is going away, facades with it. */
    public void close() {
        closing = true;
        for (Slot slot : table.snapshot()) {
            SlotRegistration services = slot.publication().registered();
            if (services != null) {
                services.unregister();
            }
        }
    }
}
