package io.patchbay.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ManagedService;
import org.osgi.service.cm.ManagedServiceFactory;

/**
 * A released Felix ConfigAdmin, managed by configuration, is switched from the version the launcher embeds to an
 * older released jar and back through the Gogo shell, while a {@code ManagedService}, a
 * {@code ManagedServiceFactory} and a DS component with configuration (the example's price service, whose
 * configuration's properties show on its facade) are live throughout. The standby ConfigAdmin stays quiet: it never
 * takes a {@code ManagedService} that registers while it waits, and it is restarted to see it before it serves again.
 */
public class QuietConfigAdminIT extends ContainerTest {

    private static final String CM = ConfigurationAdmin.class.getName();
    private static final String EMBEDDED = "org.apache.felix.configadmin/1.9.26";
    private static final String RELEASED = "org.apache.felix.configadmin/1.9.24";
    private static final String MS_PID = "itest.quiet.ms";
    private static final String FACTORY_PID = "itest.quiet.msf";
    private static final String DS_PID = "com.example.pricing.impl.PriceServiceImpl";
    private static final String LATE_PID = "itest.quiet.late";
    private static final List<String> GENERATIONS = List.of("before", "after-apply", "after-revert");

    @Inject
    private CommandProcessor processor;

    @Inject
    private ConfigurationAdmin configurations; // the facade: whichever version is routed

    private final Received managed = new Received("the ManagedService");
    private final Received factory = new Received("the ManagedServiceFactory");
    private final Received component = new Received("the DS component");
    /** What needs the bundle data area carried from the leaving ConfigAdmin to the arriving one (issue 22, 5). */
    private final List<String> carried = new ArrayList<>();
    /** The switches' times through the shell, printed for docs/internals.md (one run, this machine). */
    private final List<String> timings = new ArrayList<>();

    /** The facade of the example's 1.x slot is hidden from a probe wired to API 2.x. */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Override
    protected List<Option> extras() {
        return List.of(CoreOptions.frameworkProperty("patchbay.managed.interfaces").value(CM));
    }

    @Test
    public void aReleasedConfigAdminIsSwitchedToAnOlderJarAndBackAndItsConsumersOnlyGetCurrentConfigurations()
            throws Exception {
        awaitService("(osgi.command.scope=patch)");
        awaitService("(" + PatchbayConstants.FACADE_PROPERTY + "=" + Fixtures.SLOT + ")");
        Gosh shell = new Gosh(processor);
        update(configurations.getConfiguration(MS_PID, "?"), "before");
        update(configurations.createFactoryConfiguration(FACTORY_PID, "?"), "before");
        update(configurations.getConfiguration(DS_PID, "?"), "before");
        List<ServiceRegistration<?>> consumers = consumers();
        ServiceListener facade = event -> component.record((String) event.getServiceReference().getProperty("value"));
        context.addServiceListener(facade, "(" + PatchbayConstants.FACADE_PROPERTY + "=" + Fixtures.SLOT + ")");
        List<String> restarted = new CopyOnWriteArrayList<>();
        BundleListener restarts = event -> {
            if (event.getType() == BundleEvent.STOPPED) {
                restarted.add(event.getBundle().getSymbolicName() + "/" + event.getBundle().getVersion());
            }
        };
        context.addBundleListener(restarts);
        try {
            component.record(facadeValue());
            awaitAll("before");
            int managedFrom = managed.count();
            int factoryFrom = factory.count();
            int componentFrom = component.count();

            String applied = shell.type("patch:apply --slot " + CM + " --reason \"older ConfigAdmin\" "
                    + System.getProperty("patchbay.released.configadmin"));
            assertTrue(applied, applied.contains(EMBEDDED + " -> " + RELEASED));
            expectCarried("the ManagedService's configuration written before the switch", MS_PID, "before");
            expectCarried("the DS component's configuration written before the switch", DS_PID, "before");
            update(factoryConfiguration(), "after-apply");
            update(configurations.getConfiguration(MS_PID, "?"), "after-apply");
            update(configurations.getConfiguration(DS_PID, "?"), "after-apply");
            managed.await("after-apply", 0, Received.timeout());
            factory.await("after-apply", 0, Received.timeout());
            try {
                component.await("after-apply", 0, Received.timeout());
            } catch (AssertionError e) { // SCR takes a configuration only if its change count is above the last one
                carried.add("the DS component's update after the switch (its change count starts again without the"
                        + " data area): " + e.getMessage());
            }

            long revertStart = System.nanoTime();
            String reverted = shell.type("patch:revert --reason back " + CM);
            timings.add("revert to a standby restarted to read the carried data area: " + millisSince(revertStart)
                    + " ms");
            assertTrue(reverted, reverted.contains(RELEASED + " -> " + EMBEDDED));
            assertEquals("it reads its data area when it starts and the older version changed it: restarted, after"
                    + " the copy, before it serves", List.of(EMBEDDED), restarted);
            restarted.clear();
            expectCarried("the ManagedService's configuration made under the older version", MS_PID, "after-apply");
            update(factoryConfiguration(), "after-revert");
            update(configurations.getConfiguration(MS_PID, "?"), "after-revert");
            update(configurations.getConfiguration(DS_PID, "?"), "after-revert");
            awaitAll("after-revert");

            List<String> unexpected = new ArrayList<>(managed.unexpected(managedFrom, GENERATIONS));
            unexpected.addAll(factory.unexpected(factoryFrom, GENERATIONS));
            unexpected.addAll(component.unexpected(componentFrom, GENERATIONS));
            if (!unexpected.isEmpty()) {
                carried.add("no null or stale configuration: " + unexpected);
            }
            List<LedgerEntryDTO> history = manager.history(CM);
            assertTrue(Fixtures.routes(manager).toString(), history.stream().anyMatch(e -> e.action.equals("apply")
                    && RELEASED.equals(e.to) && EMBEDDED.equals(e.from)));
            assertTrue(history.toString(), history.stream().anyMatch(e -> e.action.equals("revert")
                    && EMBEDDED.equals(e.to) && RELEASED.equals(e.from)));

            aServiceRegisteredWhileTheOlderVersionWaitsIsSeenByItOnlyAfterItsRestart(shell, restarted);
        } finally {
            System.out.println("QuietConfigAdminIT timings: " + timings);
            context.removeBundleListener(restarts);
            context.removeServiceListener(facade);
            consumers.forEach(ServiceRegistration::unregister);
        }
        assertEquals("what needs the data area carried across the switch", List.of(), carried);
    }

    /**
     * The older version waits as a standby; a {@code ManagedService} registers meanwhile and gets its configuration
     * from the embedded version only. Activated again, the older version is restarted first (it never heard of
     * that service), and then serves it.
     */
    private void aServiceRegisteredWhileTheOlderVersionWaitsIsSeenByItOnlyAfterItsRestart(Gosh shell,
            List<String> restarted) throws Exception {
        update(configurations.getConfiguration(LATE_PID, "?"), "under-embedded");
        Received late = new Received("the ManagedService registered while the older version waited");
        ServiceRegistration<ManagedService> registration = context.registerService(ManagedService.class,
                late::add, new Hashtable<>(Map.of(Constants.SERVICE_PID, LATE_PID)));
        try {
            late.await("under-embedded", 0, Received.timeout());
            long activateStart = System.nanoTime();
            String activated = shell.type("patch:activate --reason again " + CM + " " + RELEASED);
            timings.add("activate of a standby restarted first: " + millisSince(activateStart) + " ms");
            assertTrue(activated, activated.contains(EMBEDDED + " -> " + RELEASED));
            assertEquals("the older version missed a service: restarted before it serves", List.of(RELEASED),
                    restarted);
            int from = late.count();
            update(configurations.getConfiguration(LATE_PID, "?"), "under-released");
            late.await("under-released", from, Received.timeout());
            assertTrue(shell.type("patch:revert --reason back " + CM).contains(RELEASED + " -> " + EMBEDDED));
        } finally {
            registration.unregister();
        }
    }

    private List<ServiceRegistration<?>> consumers() {
        ManagedServiceFactory perInstance = new ManagedServiceFactory() {
            @Override
            public String getName() {
                return "quiet itest factory";
            }

            @Override
            public void updated(String pid, Dictionary<String, ?> properties) {
                factory.add(properties);
            }

            @Override
            public void deleted(String pid) {
                factory.record("deleted");
            }
        };
        return List.of(context.registerService(ManagedService.class, managed::add,
                new Hashtable<>(Map.of(Constants.SERVICE_PID, MS_PID))),
                context.registerService(ManagedServiceFactory.class, perInstance,
                        new Hashtable<>(Map.of(Constants.SERVICE_PID, FACTORY_PID))));
    }

    private void awaitAll(String value) throws InterruptedException {
        managed.await(value, 0, Received.timeout());
        factory.await(value, 0, Received.timeout());
        component.await(value, 0, Received.timeout());
    }

    /** The factory's configuration in the routed version; a new one if that version does not have it. */
    private Configuration factoryConfiguration() throws Exception {
        Configuration[] found = configurations.listConfigurations("(service.factoryPid=" + FACTORY_PID + ")");
        if (found == null || found.length == 0) {
            carried.add("the factory configuration, missing in the routed version " + manager.slot(CM).active.id);
            return configurations.createFactoryConfiguration(FACTORY_PID, "?");
        }
        return found[0];
    }

    private void expectCarried(String what, String pid, String value) throws Exception {
        Configuration[] found = configurations.listConfigurations("(service.pid=" + pid + ")");
        String read = found == null || found[0].getProperties() == null ? null
                : String.valueOf(found[0].getProperties().get("value"));
        if (!value.equals(read)) {
            carried.add(what + " reads " + read + " in " + manager.slot(CM).active.id + ", not " + value);
        }
    }

    private String facadeValue() {
        ServiceReference<?>[] facades;
        try {
            facades = context.getServiceReferences((String) null,
                    "(" + PatchbayConstants.FACADE_PROPERTY + "=" + Fixtures.SLOT + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return facades == null ? null : (String) facades[0].getProperty("value");
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void update(Configuration configuration, String value) throws Exception {
        configuration.update(new Hashtable<>(Map.of("value", value)));
    }
}
