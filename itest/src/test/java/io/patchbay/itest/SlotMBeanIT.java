package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/** Every slot as an MBean in the platform MBeanServer, read and driven as JConsole or Jolokia would. */
public class SlotMBeanIT extends ContainerTest {

    private static final ObjectName PRICING = name("io.patchbay:type=slot,name=" + SLOT);

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
        awaitRegistered(PRICING, true);
    }

    @Test
    public void attributesShowTheSlotAndARevertThroughTheMBeanIsRecordedAsJmx() throws Exception {
        manager.apply(Container.fixPatch().getPath(), "PRICING-42", "itest");
        assertEquals(SLOT, server.getAttribute(PRICING, "Slot"));
        assertEquals(FIXED, server.getAttribute(PRICING, "ActiveImplementation"));
        assertArrayEquals(new String[] { ORIGINAL }, (String[]) server.getAttribute(PRICING, "StandbyImplementations"));
        assertArrayEquals(new String[] { ORIGINAL }, (String[]) server.getAttribute(PRICING, "Previous"));
        long calls = (Long) server.getAttribute(PRICING, "Calls");
        assertEquals(200, new Http(context).get("/pricing/quote?sku=WIDGET&qty=10").statusCode());
        assertEquals(calls + 1, server.getAttribute(PRICING, "Calls"));
        assertEquals(1L, server.getAttribute(PRICING, "ActiveCalls"));
        assertEquals(0L, server.getAttribute(PRICING, "InFlight"));

        Object message = server.invoke(PRICING, "revert", new Object[] { "JMX-7: back out" },
                new String[] { String.class.getName() });

        assertTrue(String.valueOf(message), String.valueOf(message).contains(ORIGINAL));
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
        assertEquals(ORIGINAL, server.getAttribute(PRICING, "ActiveImplementation"));
        LedgerEntryDTO entry = manager.history(SLOT).get(0);
        assertEquals("revert", entry.action);
        assertEquals("jmx", entry.actor);
        assertEquals("JMX-7: back out", entry.reason);
        assertEquals(FIXED, entry.from);
    }

    @Test
    public void activateThroughTheMBeanAndARefusalCarriesTheManagersSentence() throws Exception {
        manager.apply(Container.fixPatch().getPath(), "PRICING-42", "itest");
        manager.revert(SLOT, "back out", "itest");
        String[] signature = { String.class.getName(), String.class.getName() };

        server.invoke(PRICING, "activate", new Object[] { FIXED, "again" }, signature);
        assertEquals(FIXED, manager.slot(SLOT).active.id);
        LedgerEntryDTO entry = manager.history(SLOT).get(0);
        assertEquals("activate", entry.action);
        assertEquals("jmx", entry.actor);

        RuntimeMBeanException refused = assertThrows(RuntimeMBeanException.class, () -> server.invoke(PRICING,
                "activate", new Object[] { "no.such.bundle/9.9.9", "typo" }, signature));
        assertEquals(IllegalStateException.class, refused.getCause().getClass());
        assertTrue(refused.getCause().getMessage(), refused.getCause().getMessage().contains("no.such.bundle"));
        assertEquals(FIXED, manager.slot(SLOT).active.id);
    }

    @Test
    public void anMBeanAppearsAndGoesWithItsSlot() throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PatchbayConstants.MANAGED, true);
        properties.put(PatchbayConstants.SLOT_PROPERTY, "mbean-itest");
        Supplier<String> service = () -> "managed";
        ServiceRegistration<?> registration = context.registerService(Supplier.class.getName(), service, properties);
        String id = manager.slots().stream().filter(s -> "mbean-itest".equals(s.name)).findFirst().orElseThrow().id;
        ObjectName name = new ObjectName("io.patchbay:type=slot,name=" + id);
        try {
            awaitRegistered(name, true);
            assertEquals(id, server.getAttribute(name, "Slot"));
            Set<ObjectName> slots = server.queryNames(new ObjectName("io.patchbay:type=slot,*"), null);
            assertEquals(manager.slots().size(), slots.size());
        } finally {
            registration.unregister();
        }
        awaitRegistered(name, false);
        assertFalse(manager.slots().stream().anyMatch(s -> s.id.equals(id)));
    }

    @Test
    public void withoutTheMetricsBundleTheContainerServesAndNoMBeanIsLeft() throws Exception {
        Bundle metrics = Stream.of(context.getBundles()).filter(b -> "io.patchbay.metrics".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        Http http = new Http(context);
        metrics.stop();
        try {
            assertEquals(Set.of(), server.queryNames(name("io.patchbay:*"), null));
            http.await("/metrics", 404, Duration.ofSeconds(20));
            assertEquals(200, http.get("/pricing/quote?sku=WIDGET&qty=10").statusCode());
            manager.apply(Container.fixPatch().getPath(), "PRICING-42", "itest");
            assertEquals(FIXED, manager.slot(SLOT).active.id);
        } finally {
            metrics.start();
        }
        awaitRegistered(PRICING, true);
        assertEquals(FIXED, server.getAttribute(PRICING, "ActiveImplementation"));
        http.await("/metrics", 200, Duration.ofSeconds(20));
    }

    private void awaitRegistered(ObjectName name, boolean registered) {
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        while (server.isRegistered(name) != registered) {
            if (deadline.passed()) {
                throw new AssertionError(name + (registered ? " never registered" : " still registered")
                        + "; io.patchbay MBeans: " + server.queryNames(name("io.patchbay:*"), null));
            }
            deadline.pause();
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
