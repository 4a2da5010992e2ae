package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.example.pricing.api.PriceService;
import io.patchbay.api.PatchManager;
import io.patchbay.api.PatchbayConstants;
import io.patchbay.fixture.consumers.PriceCaller;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A slot outlives its registrations: the example's DS component has no {@code modified} method, so every
 * configuration change makes SCR unregister and register its service again. Under load from 16 threads, unpatched
 * and patched, the facade keeps its service id, no consumer is restarted and no call fails. A bundle stopped by an
 * operator takes its facade with it one damping timeout later.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReconfigurationIT {

    private static final String PID = "com.example.pricing.impl.PriceServiceImpl";
    private static final String FACADE = "(" + PatchbayConstants.FACADE_PROPERTY + "=" + SLOT + ")";

    @Inject
    private BundleContext context;

    @Inject
    private PatchManager manager;

    @Inject
    private ConfigurationAdmin configurations;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Configuration
    public Option[] config() {
        return new Option[] { Container.withConsumers(Container.freePort()) };
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        Fixtures.removePatches(context);
        facadeWith(FACADE);
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
    }

    @Test
    public void reconfiguringTheComponentKeepsItsFacadeAndConsumers() throws Exception {
        reconfigureFourTimesUnderLoad("unpatched", "com.example.pricing.impl 1.0.0");
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
    }

    @Test
    public void reconfiguringThePatchedComponentKeepsThePatch() throws Exception {
        manager.apply(Container.fixPatch().getPath(), "PRICING-42", "itest");
        int entries = manager.history(SLOT).size();

        reconfigureFourTimesUnderLoad("patched", "com.example.pricing.impl 1.0.1");

        assertEquals(FIXED, manager.slot(SLOT).active.id);
        assertTrue(manager.status(FIXED).applied);
        assertEquals("no fallback recorded", entries, manager.history(SLOT).size());
    }

    @Test
    public void aBundleStoppedByAnOperatorTakesItsFacadeAfterTheDampingTimeout() throws Exception {
        Bundle implementation = bundle("com.example.pricing.impl");
        CountDownLatch gone = new CountDownLatch(1);
        ServiceTracker<Object, Object> facade = new ServiceTracker<>(context, FrameworkUtil.createFilter(FACADE),
                null) {
            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                gone.countDown();
            }
        };
        facade.open(true);
        try {
            long stoppedAt = System.nanoTime();
            implementation.stop();
            assertNotNull("the facade stays while calls wait", context.getServiceReference(PriceService.class));
            assertTrue("the facade went within 20 s", gone.await(20, TimeUnit.SECONDS));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
            assertTrue("not before the damping timeout (5000 ms): " + waited + " ms", waited >= 5000);
        } finally {
            facade.close();
            implementation.start();
            facadeWith(FACADE);
        }
    }

    private void reconfigureFourTimesUnderLoad(String run, String servedBy) throws Exception {
        Map<String, PriceCaller> callers = Callers.all(context);
        Map<String, Integer> activations = activations(callers);
        long facadeId = serviceId(facadeWith(FACADE));
        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration(PID, "?");
        try (LoadRun load = new LoadRun(callers, 16, servedBy)) {
            for (int i = 1; i <= 4; i++) {
                String revision = run + "-" + i;
                configuration.update(new Hashtable<>(Map.of("revision", revision)));
                ServiceReference<?> reconfigured = facadeWith("(&" + FACADE + "(revision=" + revision + "))");
                assertEquals("the facade's service id", facadeId, serviceId(reconfigured));
            }
            load.close();
            assertTrue("calls were made: " + load.calls(), load.calls() > 0);
            assertEquals("failed calls of " + load.calls() + ": " + load.examples(), 0, load.failures());
            assertEquals("calls served by another: " + load.examples(), 0, load.stale());
        } finally {
            configuration.delete();
            facadeWith("(&" + FACADE + "(!(revision=*)))");
        }
        assertEquals("no consumer was restarted", activations, activations(callers));
        assertEquals(facadeId, serviceId(facadeWith(FACADE)));
    }

    /** The facade with these properties, waited for with a tracker and a deadline. */
    private ServiceReference<?> facadeWith(String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter),
                null);
        tracker.open(true);
        try {
            if (tracker.waitForService(TimeUnit.SECONDS.toMillis(20)) == null) {
                throw new AssertionError("No facade " + filter + " within 20 s");
            }
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty("service.id");
    }

    private static Map<String, Integer> activations(Map<String, PriceCaller> callers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        callers.forEach((kind, caller) -> counts.put(kind, caller.activations()));
        return counts;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getVersion().getMajor() == 1) {
                return bundle;
            }
        }
        throw new AssertionError("No bundle " + symbolicName);
    }
}
