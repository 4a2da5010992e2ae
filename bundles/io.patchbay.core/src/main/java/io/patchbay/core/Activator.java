package io.patchbay.core;

import io.patchbay.api.PatchManager;
import io.patchbay.api.PatchbayConstants;
import io.patchbay.core.canary.Canaries;
import io.patchbay.core.retire.Retirements;
import io.patchbay.core.trace.Traces;
import io.patchbay.core.canary.RoutingKeys;
import io.patchbay.core.patch.InterruptedOperations;
import io.patchbay.core.tracking.HidingHooks;
import io.patchbay.core.source.IncomingFolder;
import io.patchbay.core.tracking.ManagedServices;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.tracking.SlotPolicy;
import io.patchbay.core.tracking.Slots;
import io.patchbay.core.tracking.StateCarry;
import io.patchbay.core.tracking.Switcher;
import io.patchbay.core.store.FileJournal;
import io.patchbay.core.store.IntentFile;
import io.patchbay.core.store.Ledger;
import io.patchbay.core.store.RouteEvents;
import io.patchbay.core.store.RouteStore;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.function.Consumer;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.service.cm.ManagedService;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts the patch manager. An activator, not a DS component, on purpose: the hooks must hide managed services
 * from the instant they are registered, so the manager has to be up before any application bundle, whether or
 * not SCR has started yet. The launcher gives this bundle start level 1.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class Activator implements BundleActivator {

    private volatile Slots slots;
    private RouteOwner owner;
    private Settings settings;
    private final ReentrantLock operations = new ReentrantLock();
    private Canaries canaries;
    private Traces traces;
    private EarlyConfiguration early;
    private Consumer<LedgerEntryDTO> events;
    private ServiceTracker<Object, Implementation> tracker;

    @Override
    public void start(BundleContext context) throws Exception {
        settings = new Settings();
        settings.update(name -> context.getProperty("patchbay." + name));
        early = new EarlyConfiguration(context, properties -> configure(context, settings, properties));
        early.open();
        Path data = context.getDataFile("").toPath();
        Ledger ledger = new Ledger(data.resolve("ledger.jsonl"));
        events = eventsIfAvailable(context);
        RouteStore routes = new RouteStore(data.resolve("routes.properties"));
        IntentFile intents = new IntentFile(data.resolve("operations.properties"));
        InterruptedOperations.resolve(context, intents, routes, ledger);
        Retirements retirements = new Retirements(context, () -> slots.all());
        Switcher switcher = new Switcher(new FileJournal(intents, routes, ledger), settings::drainMillis, events,
                retirements, StateCarry.ofFramework(context, data, settings::drainMillis));
        ManagedServices managed = new ManagedServices(context.getBundle(), settings::managedInterfaces);

        owner = new RouteOwner();
        canaries = new Canaries(switcher, operations, () -> RoutingKeys.of(settings.keyNames()), owner);
        slots = new Slots(context, managed, switcher, owner, new SlotPolicy(settings::dampingMillis,
                settings::applyMillis, () -> !settings.verifying(), canaries::isRunning, canaries::departed));
        traces = new Traces(() -> RoutingKeys.of(settings.keyNames()));
        context.registerService(new String[] { FindHook.class.getName(), EventListenerHook.class.getName() },
                new HidingHooks(context.getBundle(), managed, slots::typesOf, slots.standbys()), null);
        tracker = new ServiceTracker<>(context, context.createFilter("(objectClass=*)"), slots);
        tracker.open(true);
        context.addBundleListener(slots);
        settleWhenStarted(context);

        context.registerService(PatchManager.class, new PatchManagerImpl(context, slots, ledger, settings,
                IncomingFolder.cleared(data.resolve("incoming")), operations, canaries), null);
        Dictionary<String, Object> pid = new Hashtable<>();
        pid.put(Constants.SERVICE_PID, PatchbayConstants.PID);
        context.registerService(ManagedService.class, properties -> configure(context, settings, properties), pid);
        context.registerService(io.patchbay.api.PatchInspector.class,
                new PatchInspectorImpl(context, slots, settings, data.resolve("incoming"), canaries::requireNone,
                        traces, retirements), null);
    }

    /**
     * Applies the configuration; a name it leaves out keeps its framework property (saving the console's
     * configuration form without trust.store must not end trusted mode).
     */
    private static void configure(BundleContext context, Settings settings, Dictionary<String, ?> properties) {
        if (properties == null) {
            settings.update(name -> context.getProperty("patchbay." + name));
        } else {
            settings.update(name -> properties.get(name) != null ? properties.get(name)
                    : context.getProperty("patchbay." + name));
        }
    }

    /**
     * Restored routes stop waiting once every start level is reached ({@code STARTED}); at once if the framework
     * is already running (the manager alone was restarted: every application service is registered by now).
     */
    private void settleWhenStarted(BundleContext context) {
        FrameworkListener started = new FrameworkListener() {
            @Override
            public void frameworkEvent(FrameworkEvent event) {
                if (event.getType() == FrameworkEvent.STARTED) {
                    context.removeFrameworkListener(this);
                    slots.settle();
                }
            }
        };
        context.addFrameworkListener(started);
        if (context.getBundle(0).getState() == Bundle.ACTIVE) {
            context.removeFrameworkListener(started);
            slots.settle();
        }
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        canaries.close();
        traces.close();
        slots.close();
        tracker.close();
        owner.close(settings.drainMillis() + settings.applyMillis()); // what the departures left queued
        early.close();
        if (events instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Route events go to EventAdmin when its API is wired (the import is optional); otherwise nowhere. */
    private static Consumer<LedgerEntryDTO> eventsIfAvailable(BundleContext context) {
        try {
            return new RouteEvents(context);
        } catch (NoClassDefFoundError noEventAdminApi) {
            return entry -> {
            };
        }
    }
}
