package io.patchbay.core.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;

/**
 * The lifecycle calls a whiteboard runtime makes on a managed servlet's facade ({@code init}, {@code destroy}) never
 * wait for a route: they reach the implementations of the slot at once; one that registers again (a new object) is
 * initialised before it is routed, one that leaves is destroyed after its drain, the same object coming back is
 * initialised once, and the facade's destroy while its slot retires returns at once.
 */
public class LifecycleCallsTest {

    private static final Map<String, Object> SERVLET = Map.of("objectClass",
            new String[] { Servlet.class.getName() }, "osgi.http.whiteboard.servlet.pattern", "/quote");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private FakeFramework.FakeBundle web;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ServletConfig config = new GenericServlet() {
        @Override
        public void service(ServletRequest request, ServletResponse response) {
        }
    };

    @Before
    public void start() {
        framework = new FakeFramework(folder.getRoot().toPath());
        web = framework.install("com.example.web", "1.0.0");
    }

    @After
    public void stop() {
        framework.owner.close();
    }

    @Test
    public void theFacadesInitReachesTheServletAndANewServletRegisteredAgainIsInitialisedBeforeItIsRouted()
            throws Exception {
        ServiceReference<Object> first = register(web, "first");
        Servlet facade = facade();
        facade.init(config);
        framework.unregister(first); // a DS component reactivated on a configuration change: a new object comes
        register(web, "second");
        Slot slot = framework.slot();

        assertEquals(List.of("first.init routed=true", "first.destroy", "second.init routed=false"), calls);
        assertEquals("second", servletOf(slot).name);
        assertSame(config, servletOf(slot).getServletConfig());
    }

    @Test
    public void theSameObjectRegisteredAgainIsNeitherDestroyedNorInitialisedTwice() throws Exception {
        RecordingServlet manager = new RecordingServlet("manager");
        ServiceReference<Object> first = framework.register(web, SERVLET, manager);
        facade().init(config);
        CountDownLatch held = new CountDownLatch(1);
        framework.owner.submit("test: hold the owner", () -> await(held)); // the departure's stop runs after
        framework.unregisterNow(first); // the web console registers its manager servlet again on a new configuration
        framework.registerNow(web, SERVLET, manager);
        held.countDown();
        framework.settled();

        assertEquals(List.of("manager.init routed=true"), calls);
        assertSame(manager, servletOf(framework.slot()));
    }

    @Test
    public void theFacadesInitWhileItsServletRegistersAgainReturnsAtOnceAndTheServletIsInitialisedWhenItComes()
            throws Exception {
        ServiceReference<Object> first = register(web, "first");
        Servlet facade = facade();
        framework.unregister(first);
        assertNull(framework.slot().active());

        facade.init(config); // would wait the damping timeout on the route, then fail
        register(web, "second");

        assertEquals(List.of("second.init routed=false"), calls);
    }

    @Test
    public void theFacadesDestroyWhileItsSlotRetiresReturnsAtOnce() throws Exception {
        ServiceReference<Object> only = register(web, "only");
        Servlet facade = facade();
        facade.init(config);
        web.state = Bundle.RESOLVED; // stopped for good: the slot retires one damping timeout later
        framework.unregister(only);
        framework.pastDamping();
        assertTrue(framework.slots.all().isEmpty());

        facade.destroy(); // what the whiteboard does as the retired slot's facade is unregistered

        assertEquals(List.of("only.init routed=true", "only.destroy"), calls);
    }

    @Test
    public void aPatchServletIsInitialisedWithTheFacadesConfigurationWhenItArrives() throws Exception {
        register(web, "original");
        facade().init(config);
        FakeFramework.FakeBundle patch = framework.install("com.example.web.fix", "1.0.1");
        patch.headers.put(PatchbayConstants.PATCH_HEADER, Servlet.class.getName() + ";slot=\"com.example.web~/quote\"");
        RecordingServlet fix = new RecordingServlet("fix");
        framework.register(patch, SERVLET, fix);

        assertEquals("com.example.web.fix/1.0.1", framework.slot().active().id());
        assertEquals(List.of("original.init routed=true", "fix.init routed=false"), calls);
        assertSame(config, fix.getServletConfig());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServiceReference<Object> register(FakeFramework.FakeBundle bundle, String name) {
        return framework.register(bundle, SERVLET, new RecordingServlet(name));
    }

    @SuppressWarnings("unchecked")
    private Servlet facade() {
        Object factory = framework.factories.get(framework.factories.size() - 1);
        Bundle jetty = Stubs.bundle(99, "org.apache.felix.http.jetty", "5.1.26");
        return (Servlet) ((ServiceFactory<Object>) factory).getService(jetty, null);
    }

    private static RecordingServlet servletOf(Slot slot) {
        return (RecordingServlet) slot.active().targetFor(null);
    }

    private final class RecordingServlet extends GenericServlet {

        private static final long serialVersionUID = 1L;
        final String name;

        RecordingServlet(String name) {
            this.name = name;
        }

        @Override
        public void init(ServletConfig given) throws jakarta.servlet.ServletException {
            super.init(given);
            boolean routed = framework.slots.all().stream().anyMatch(s -> s.active() != null
                    && s.active().targetFor(null) == this);
            calls.add(name + ".init routed=" + routed);
        }

        @Override
        public void destroy() {
            calls.add(name + ".destroy");
        }

        @Override
        public void service(ServletRequest request, ServletResponse response) {
        }
    }
}
