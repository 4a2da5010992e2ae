package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchbayConstants;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** What the manager offers the rest of the container: events on EventAdmin and its configuration's metatype. */
public class ManagerServicesIT extends ContainerTest {

    @Inject
    private MetaTypeService metatype;

    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    @Test
    public void everySwitchIsPostedOnEventAdmin() throws Exception {
        Fixtures.removePatches(context);
        LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "io/patchbay/route/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, topics);
        try {
            manager.apply(Container.fixPatch().getPath(), "PRICING-42", "itest");
            Event applied = events.poll(10, TimeUnit.SECONDS);
            assertNotNull("an event within 10 s", applied);
            assertEquals("io/patchbay/route/APPLY", applied.getTopic());
            assertEquals(SLOT, applied.getProperty("slot"));
            assertEquals(FIXED, applied.getProperty("to"));
            assertEquals("itest", applied.getProperty("actor"));
            assertEquals("PRICING-42", applied.getProperty("reason"));

            manager.revert(SLOT, null, "itest");
            assertEquals("io/patchbay/route/REVERT", events.poll(10, TimeUnit.SECONDS).getTopic());
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void aThirdPartyServiceIsManagedByConfiguration() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin
                .getConfiguration(PatchbayConstants.PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("managed.interfaces", new String[] { "java.util.function.Supplier" });
        configuration.update(properties);
        try {
            Deadline deadline = new Deadline(java.time.Duration.ofSeconds(10));
            while (!managesASupplier()) {
                assertTrue("configuration applied within 10 s", !deadline.passed());
                deadline.pause();
            }
        } finally {
            configuration.delete();
        }
    }

    /**
     * Registers a plain Supplier (no opt-in property) and says whether consumers get a facade for it. A listener
     * calls the facade the instant it is registered, on the registering thread, as a DS component activated by
     * it would: the slot must already be routed by then.
     */
    private boolean managesASupplier() throws Exception {
        java.util.function.Supplier<String> raw = () -> "third party";
        java.util.concurrent.atomic.AtomicReference<Object> firstCall = new java.util.concurrent.atomic.AtomicReference<>();
        org.osgi.framework.ServiceListener eager = event -> {
            if (event.getType() == org.osgi.framework.ServiceEvent.REGISTERED) {
                firstCall.set(((java.util.function.Supplier<?>) context.getService(event.getServiceReference())).get());
            }
        };
        context.addServiceListener(eager, "(objectClass=java.util.function.Supplier)");
        // told apart by a property: the container has other Suppliers (the fleet agent's page state)
        ServiceRegistration<?> registration = context.registerService(java.util.function.Supplier.class.getName(),
                raw, new java.util.Hashtable<>(java.util.Map.of("itest", "third-party")));
        context.removeServiceListener(eager);
        try {
            boolean managed = manager.slots().stream().anyMatch(s -> s.interfaceName.equals("java.util.function.Supplier"));
            if (managed) {
                Object seen = context.getService(context.getServiceReferences(java.util.function.Supplier.class,
                        "(itest=third-party)").iterator().next());
                assertTrue("consumers get the facade, not the raw service", seen != raw);
                assertEquals("third party", ((java.util.function.Supplier<?>) seen).get());
                assertEquals("a call made while the facade is being registered", "third party", firstCall.get());
            }
            return managed;
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void theConfigurationHasAMetatype() {
        Bundle core = Stream.of(context.getBundles()).filter(b -> b.getSymbolicName().equals("io.patchbay.core"))
                .findFirst().orElseThrow();
        ObjectClassDefinition definition = metatype.getMetaTypeInformation(core)
                .getObjectClassDefinition(PatchbayConstants.PID, null);
        List<String> ids = Stream.of(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .map(a -> a.getID()).toList();
        assertTrue(ids.toString(), ids.containsAll(
                List.of("managed.interfaces", "damping.timeout.ms", "apply.timeout.ms", "drain.timeout.ms")));
    }
}
