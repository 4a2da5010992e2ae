package io.patchbay.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.SlotDTO;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Interfaces that many services share, managed by configuration: every whiteboard servlet and every event handler
 * is a slot of its own, the console and both endpoints keep working, one servlet is patched alone, and a released
 * Felix EventAdmin of another version replaces the running one under load without losing an event.
 */
public class WhiteboardIT extends ContainerTest {

    private static final String SERVLET = "jakarta.servlet.Servlet";
    private static final String TOPIC = "patchbay/itest/load";
    private static final String RUNNING = "org.apache.felix.eventadmin/1.6.4";
    private static final String RELEASED = "org.apache.felix.eventadmin/1.6.2";

    @Override
    protected List<Option> extras() {
        return List.of(CoreOptions.frameworkProperty("patchbay.managed.interfaces").value(SERVLET
                + ",org.osgi.service.event.EventHandler," + EventAdmin.class.getName()));
    }

    @Test
    public void everyServletIsItsOwnSlotAndEveryEndpointAndTheConsoleWork() {
        List<SlotDTO> servlets = manager.slots().stream().filter(s -> s.interfaceName.equals(SERVLET)).toList();
        assertTrue("the quote servlets, the console and its plugins: " + servlets.size(), servlets.size() >= 3);
        assertEquals(servlets.size(), servlets.stream().map(s -> s.id).distinct().count());
        // the console re-registers its servlets while it starts; the ones that serve must be routed
        assertTrue(servlets.stream().map(Fixtures::route).toList().toString(), servlets.stream()
                .filter(s -> s.id.endsWith("QuoteServlet") || s.id.endsWith("QuoteServletV2"))
                .filter(s -> s.active != null).count() == 2);
        Http http = new Http(context);
        assertTrue(http.await("/pricing/quote?sku=WIDGET&qty=10", 200, Duration.ofSeconds(10)).body()
                .contains("\"total\":81.00"));
        assertTrue(http.await("/v2/pricing/quote?sku=WIDGET&qty=10&currency=USD", 200, Duration.ofSeconds(10))
                .body().contains("\"currency\":\"USD\""));
        assertConsoleAnswers(http);
    }

    @Test
    public void patchingOneServletChangesOnlyThatServlet() {
        Http http = new Http(context);
        http.await("/pricing/quote?sku=WIDGET&qty=10", 200, Duration.ofSeconds(10));
        manager.apply(System.getProperty("patchbay.fixture.webpatch"), "servlet fix", "itest");
        assertEquals("{\"patched\":true}", http.await("/pricing/quote?sku=WIDGET&qty=10", 200,
                Duration.ofSeconds(10)).body());
        assertTrue(http.get("/v2/pricing/quote?sku=WIDGET&qty=10&currency=USD").body().contains("\"currency\""));
        assertConsoleAnswers(http);

        manager.revert("com.example.pricing.web.QuoteServlet", "back", "itest");
        assertTrue(http.await("/pricing/quote?sku=WIDGET&qty=10", 200, Duration.ofSeconds(10)).body()
                .contains("\"total\":81.00"));
    }

    /**
     * Felix EventAdmin drops the events sent while it takes its configuration (it closes and reopens its handler
     * tracker, on a thread of its own, just after it starts), with or without Patchbay. So the released EventAdmin is
     * applied first and the load starts once it has taken its configuration; then every switch, both ways, runs under
     * load and no event may be lost.
     */
    @Test
    public void aReleasedEventAdminReplacesTheRunningOneUnderLoadWithoutLosingAnEvent() throws Exception {
        AtomicLong received = new AtomicLong();
        Dictionary<String, Object> topics = new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, TOPIC));
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class,
                event -> received.incrementAndGet(), topics);
        String released = System.getProperty("patchbay.released.eventadmin");
        try (HandlerTrackerOpenings openings = new HandlerTrackerOpenings(context)) {
            assertEquals(RELEASED,
                    manager.applyTo("EventAdmin", released, "EventAdmin 1.6.2 by name", "itest").to);
            openings.await(bundleOf(RELEASED), 2, Duration.ofSeconds(20));
        }
        EventAdmin events = context.getService(context.getServiceReference(EventAdmin.class));
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        Thread sender = new Thread(() -> {
            while (sending.get()) {
                events.sendEvent(new Event(TOPIC, Map.of("n", sent.get())));
                sent.incrementAndGet();
            }
        }, "event-sender");
        try {
            sender.start();
            awaitMore(sent, 200);
            assertEquals(RUNNING, manager.revert("EventAdmin", "back", "itest").to);
            awaitMore(sent, 200);
            assertEquals(RELEASED, manager.activate("EventAdmin", RELEASED, "again", "itest").to);
            awaitMore(sent, 200);
            assertEquals(RUNNING, manager.revert("EventAdmin", "back again", "itest").to);
            awaitMore(sent, 200);
        } finally {
            sending.set(false);
            sender.join(10_000);
            handler.unregister();
        }
        assertEquals("every event sent was handled", sent.get(), received.get());
        SlotDTO slot = manager.slot("EventAdmin");
        assertTrue("1.6.2 delivered events while it was active",
                slot.standby.stream().anyMatch(i -> i.id.equals(RELEASED) && i.calls > 0));
    }

    private long bundleOf(String implementation) {
        return java.util.Arrays.stream(context.getBundles())
                .filter(b -> implementation.equals(b.getSymbolicName() + "/" + b.getVersion()))
                .findFirst().orElseThrow().getBundleId();
    }

    /** The console (itself a managed servlet, as are its plugins) answers; it may still be starting. */
    private void assertConsoleAnswers(Http http) {
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        int status;
        while ((status = http.get("/system/console/patches", "admin", Container.CONSOLE_PASSWORD).statusCode()) != 200
                && !deadline.passed()) {
            deadline.pause();
        }
        assertEquals(manager.slots().stream().map(Fixtures::route).toList().toString(), 200, status);
    }

    private static void awaitMore(AtomicLong counter, long more) {
        long target = counter.get() + more;
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        while (counter.get() < target) {
            if (deadline.passed()) {
                throw new AssertionError("the sender stalled at " + counter.get());
            }
            deadline.pause();
        }
    }
}
