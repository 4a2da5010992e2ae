package io.patchbay.core.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Standbys stay quiet: a bundle none of whose implementations is routed hears of no service another bundle
 * registers or modifies, still hears one go away, and is restarted before a switch routes to it if it missed any.
 */
public class QuietStandbysTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private FakeFramework.FakeBundle original;
    private FakeFramework.FakeBundle patch;
    private FakeFramework.FakeBundle consumer;
    private HidingHooks hooks;

    @Before
    public void start() {
        framework = new FakeFramework(folder.getRoot().toPath());
        original = framework.install("greeter", "1.0.0");
        patch = framework.install("greeter", "1.0.1");
        consumer = framework.install("consumer", "1.0.0");
        hooks = new HidingHooks(framework.context().getBundle(), new ManagedServices(framework.context().getBundle(),
                java.util.Set::of), id -> null, framework.slots.standbys());
    }

    @After
    public void stop() {
        framework.owner.close();
    }

    @Test
    public void aBundleIsAStandbyOnlyWhileNoneOfItsImplementationsIsRouted() {
        ServiceReference<Object> first = framework.register(original, "greeter", "one");
        ServiceReference<Object> second = framework.register(patch, "greeter", "two");
        QuietStandbys standbys = framework.slots.standbys();
        assertFalse(standbys.isStandby(original.bundle));
        assertTrue("a patch not switched to", standbys.isStandby(patch.bundle));

        framework.switcher.change(framework.slot(), framework.implementation(second), activate());
        assertTrue("the predecessor kept for revert", standbys.isStandby(original.bundle));
        assertFalse(standbys.isStandby(patch.bundle));
        assertFalse("a bundle with no implementation", standbys.isStandby(consumer.bundle));
        assertEquals(first, framework.implementation(first).reference());
    }

    @Test
    public void aStandbyHearsOfNoArrivalButHearsADeparture() {
        framework.register(original, "greeter", "one");
        framework.register(patch, "greeter", "two");
        ServiceReference<?> handler = Stubs.reference(consumer.bundle, Map.of("objectClass",
                new String[] { "org.osgi.service.event.EventHandler" }, "service.id", 99L));

        Map<BundleContext, Collection<ListenerInfo>> arrival = listeners("(objectClass=*)", original, patch);
        hooks.event(new ServiceEvent(ServiceEvent.REGISTERED, handler), arrival);
        assertEquals("only the routed bundle hears it", List.of(original.bundle), bundlesOf(arrival));
        assertTrue(framework.slots.standbys().hasMissed(patch.bundle));
        assertFalse(framework.slots.standbys().hasMissed(original.bundle));

        Map<BundleContext, Collection<ListenerInfo>> departure = listeners("(objectClass=*)", original, patch);
        hooks.event(new ServiceEvent(ServiceEvent.UNREGISTERING, handler), departure);
        assertEquals(2, departure.size());
        assertFalse("what it missed is gone again", framework.slots.standbys().hasMissed(patch.bundle));
    }

    @Test
    public void aStandbyWhoseListenersWouldNotMatchMissesNothing() {
        framework.register(original, "greeter", "one");
        framework.register(patch, "greeter", "two");
        ServiceReference<?> other = Stubs.reference(consumer.bundle, Map.of("objectClass",
                new String[] { "some.Other" }, "service.id", 98L));

        Map<BundleContext, Collection<ListenerInfo>> arrival = listeners("(objectClass=some.Wanted)", patch);
        hooks.event(new ServiceEvent(ServiceEvent.REGISTERED, other), arrival);
        assertTrue(arrival.isEmpty());
        assertFalse(framework.slots.standbys().hasMissed(patch.bundle));
    }

    @Test
    public void aStandbyThatMissedAServiceIsRestartedBeforeItIsRoutedAndOneThatDidNotIsRoutedAsItIs() {
        ServiceReference<Object> first = framework.register(original, "greeter", "one");
        ServiceReference<Object> second = framework.register(patch, "greeter", "two");
        Slot slot = framework.slot();
        QuietStandbys standbys = framework.slots.standbys();
        Implementation asItIs = framework.implementation(second);
        assertSame(asItIs, standbys.wake(slot, asItIs, 1000));

        standbys.missed(patch.bundle.getBundleId(), 99L);
        List<ServiceReference<Object>> again = new ArrayList<>();
        patch.onStart = () -> {
            framework.unregisterNow(second);
            again.add(framework.register(patch, "greeter", "two again"));
        };
        Implementation woken = standbys.wake(slot, asItIs, 1000);

        assertNotSame(asItIs, woken);
        assertSame(framework.implementation(again.get(0)), woken);
        assertFalse("it saw everything at its start", standbys.hasMissed(patch.bundle));
        assertSame("the route is untouched until the switch", framework.implementation(first), slot.active());
        framework.switcher.change(slot, woken, activate());
        assertSame(woken, slot.active());
        assertEquals(again.get(0), slot.active().reference());
    }

    @Test
    public void aStandbyBeingSwitchedToHearsEverythingFromTheDecisionOn() {
        framework.register(original, "greeter", "one");
        ServiceReference<Object> second = framework.register(patch, "greeter", "two");
        QuietStandbys standbys = framework.slots.standbys();

        boolean quietBeforeItsRoute = standbys.switchTo(framework.slot(), framework.implementation(second), 1000,
                next -> standbys.isStandby(patch.bundle));
        assertFalse("no arrival between the decision and the route is hidden from it", quietBeforeItsRoute);
        assertTrue("a switch that did not route it leaves it a standby", standbys.isStandby(patch.bundle));
    }

    @Test
    public void aStandbyThatFailsToComeBackLeavesTheRouteWhereItWas() {
        ServiceReference<Object> first = framework.register(original, "greeter", "one");
        ServiceReference<Object> second = framework.register(patch, "greeter", "two");
        Slot slot = framework.slot();
        framework.slots.standbys().missed(patch.bundle.getBundleId(), 99L);
        patch.onStart = () -> {
            throw new BundleException("broken");
        };
        try {
            framework.slots.standbys().wake(slot, framework.implementation(second), 1000);
            fail("a standby that cannot restart must not be routed");
        } catch (PatchException e) {
            assertTrue(e.getMessage(), e.getMessage().endsWith("its restart failed: broken; " + slot.id()
                    + " stays on greeter/1.0.0."));
        }
        assertSame(framework.implementation(first), slot.active());
    }

    private static Switcher.Change activate() {
        return new Switcher.Change("activate", "test", null, null, true);
    }

    private static Map<BundleContext, Collection<ListenerInfo>> listeners(String filter,
            FakeFramework.FakeBundle... bundles) {
        Map<BundleContext, Collection<ListenerInfo>> listeners = new HashMap<>();
        for (FakeFramework.FakeBundle bundle : bundles) {
            BundleContext context = (BundleContext) Proxy.newProxyInstance(QuietStandbysTest.class.getClassLoader(),
                    new Class<?>[] { BundleContext.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getBundle" -> bundle.bundle;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
            ListenerInfo info = (ListenerInfo) Proxy.newProxyInstance(QuietStandbysTest.class.getClassLoader(),
                    new Class<?>[] { ListenerInfo.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getFilter" -> filter;
                        case "getBundleContext" -> context;
                        default -> null;
                    });
            listeners.put(context, new ArrayList<>(List.of(info)));
        }
        return listeners;
    }

    private static List<Bundle> bundlesOf(Map<BundleContext, Collection<ListenerInfo>> listeners) {
        return listeners.keySet().stream().map(BundleContext::getBundle).toList();
    }
}
