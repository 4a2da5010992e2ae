package io.patchbay.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The fleet agent in the real container, without a hawkBit server (itest/fleet has the server): configured through
 * the real ConfigAdmin, seen through the real Gogo shell ({@code patch:fleet}) and the real EventAdmin, while the
 * server it names does not answer, and stopped when its configuration goes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FleetShellIT {

    private static final String PID = "io.patchbay.fleet";
    private static final String AGENT = "(objectClass=io.patchbay.fleet.FleetAgent)";

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor processor;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        return new Option[] { Container.options(Container.freePort()) };
    }

    @Test
    public void patchFleetShowsTheAgentBackingOffAndEventAdminHearsIt() throws Exception {
        ServiceTracker<Object, Object> command = new ServiceTracker<>(context,
                context.createFilter("(osgi.command.function=fleet)"), null);
        command.open(true);
        assertNotNull(command.waitForService(Duration.ofSeconds(20).toMillis()));
        command.close();
        Gosh shell = new Gosh(processor);
        assertTrue(shell.type("patch:fleet").startsWith("The fleet agent is not configured"));

        LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "io/patchbay/fleet/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, topics);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        ServiceTracker<Object, Object> agent = new ServiceTracker<>(context, context.createFilter(AGENT), null) {
            @Override
            public void removedService(org.osgi.framework.ServiceReference<Object> reference, Object service) {
                stopped.countDown();
                super.removedService(reference, service);
            }
        };
        agent.open(true);
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
        try {
            int unused = unusedPort();
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("url", "http://127.0.0.1:" + unused);
            properties.put("controllerId", "shell-it");
            properties.put("pollMs", 200L);
            properties.put("maxBackoffMs", 1000L);
            configuration.update(properties);

            Event unreachable = events.poll(20, TimeUnit.SECONDS);
            assertNotNull("an event within 20 s", unreachable);
            assertEquals("io/patchbay/fleet/SERVER_UNREACHABLE", unreachable.getTopic());
            assertEquals("shell-it", unreachable.getProperty("controllerId"));
            assertEquals("http://127.0.0.1:" + unused + "/DEFAULT/controller/v1/shell-it",
                    unreachable.getProperty("server"));
            assertTrue(String.valueOf(unreachable.getProperty("reason")),
                    String.valueOf(unreachable.getProperty("reason")).startsWith("cannot connect"));

            String state = shell.type("patch:fleet");
            assertTrue(state, state.startsWith("server     http://127.0.0.1:" + unused
                    + "/DEFAULT/controller/v1/shell-it\ncontroller shell-it\nstate      backing off, no answer yet,"));
            assertTrue(state, state.contains("\nfailing    "));
            assertTrue(state, state.contains("poll(s) in a row: cannot connect"));
            assertTrue(state, state.contains("\naction     none yet\nfeedback   none yet\n"
                    + "applied    no patch applied by the fleet"));
        } finally {
            configuration.delete();
            handler.unregister();
        }
        assertTrue("the agent stops when its configuration is deleted", stopped.await(20, TimeUnit.SECONDS));
        agent.close();
        assertTrue(shell.type("patch:fleet").startsWith("The fleet agent is not configured"));
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
