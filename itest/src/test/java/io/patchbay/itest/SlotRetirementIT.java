package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.SLOT_V2;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

/** Refreshing an API bundle retires its slots: listed once afterwards, the old facade's class loader collected. */
public class SlotRetirementIT extends ContainerTest {

    /** Wired to API 1.x only, so refreshing the 2.x API bundle leaves the probe alone. */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Test
    public void refreshingTheApiRetiresTheSlotAndLetsItsFacadeGo() throws Exception {
        WeakReference<ClassLoader> oldFacadeLoader = facadeLoader();
        Bundle api = find("com.example.pricing.api", "2.0.0");
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(api), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertEquals(true, refreshed.await(30, TimeUnit.SECONDS));
        Http http = new Http(context);
        http.await("/v2/pricing/quote?sku=WIDGET&qty=1&currency=USD", 200, Duration.ofSeconds(20));
        assertEquals("the slot is listed once", 1, manager.slots().stream().filter(s -> s.id.equals(SLOT_V2)).count());
        assertNotNull(manager.slot(SLOT_V2).active);

        Deadline deadline = new Deadline(Duration.ofSeconds(30));
        while (oldFacadeLoader.get() != null) {
            if (deadline.passed()) {
                throw new AssertionError("the retired slot's facade class loader is still reachable");
            }
            System.gc();
            deadline.pause();
        }
    }

    /** The 2.x slot's facade class loader, held weakly; the facade itself is given back at once. */
    private WeakReference<ClassLoader> facadeLoader() throws Exception {
        ServiceReference<?>[] facades = context.getAllServiceReferences("com.example.pricing.api.PriceService",
                "(patchbay.facade=" + SLOT_V2 + ")");
        assertEquals(1, facades.length);
        Object facade = context.getService(facades[0]);
        WeakReference<ClassLoader> loader = new WeakReference<>(facade.getClass().getClassLoader());
        context.ungetService(facades[0]);
        return loader;
    }

    private Bundle find(String symbolicName, String version) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion().toString())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
