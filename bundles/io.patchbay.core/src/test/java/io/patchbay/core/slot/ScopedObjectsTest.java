package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.SlotUnavailableException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * A bundle- or prototype-scoped implementation gives each seat its own object, obtained through the consumer's own
 * context, cached per seat, and given back when the seat closes or the implementation is released.
 */
public class ScopedObjectsTest {

    /** A consumer bundle whose context hands out numbered objects and records what it got and gave back. */
    private static final class Consumer {
        final List<String> log = new ArrayList<>();
        boolean hasContext = true;
        RuntimeException failure;
        int made;
        final Bundle bundle;

        Consumer(String name) {
            BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { BundleContext.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getService" -> obtain("get");
                        case "ungetService" -> {
                            log.add("unget");
                            yield true;
                        }
                        case "getServiceObjects" -> objects();
                        default -> null;
                    });
            bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Bundle.class },
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getBundleContext" -> hasContext ? context : null;
                        case "getSymbolicName" -> name;
                        case "hashCode" -> name.hashCode();
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
        }

        private Object obtain(String how) {
            if (failure != null) {
                throw failure;
            }
            log.add(how);
            return how + " " + ++made;
        }

        private ServiceObjects<?> objects() {
            return (ServiceObjects<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { ServiceObjects.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getService" -> obtain("new");
                        case "ungetService" -> {
                            log.add("release " + args[0]);
                            if (failure != null) {
                                throw failure;
                            }
                            yield null;
                        }
                        default -> null;
                    });
        }
    }

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Consumer consumer = new Consumer("consumer");
    private final Seat seat = new Seat(slot, consumer.bundle);

    private Implementation scoped(String scope) {
        Bundle provider = Stubs.bundle(7, "impl", "1.0.0");
        ServiceReference<?> reference = Stubs.reference(provider, Map.of("service.id", 3L, "service.scope", scope));
        Implementation implementation = new Implementation(slot, reference, "the factory");
        slot.add(implementation);
        return implementation;
    }

    @Test
    public void aSingletonIsItsOwnTargetForEverySeat() {
        Implementation singleton = new Implementation(slot,
                Stubs.reference(Stubs.bundle(7, "impl", "1.0.0"), Map.of("service.id", 3L)), "the service");
        assertEquals("singleton", singleton.scope());
        assertSame("the service", singleton.targetFor(seat));
        assertEquals(List.of(), consumer.log);
        assertEquals("impl/1.0.0 (service 3)", singleton.toString());
    }

    @Test
    public void aBundleScopedServiceIsObtainedOnceThroughTheConsumersContextAndGivenBackOnClose() {
        Implementation bundleScoped = scoped("bundle");
        assertEquals("bundle", bundleScoped.scope());
        assertEquals("get 1", bundleScoped.targetFor(seat));
        assertEquals("cached for the seat", "get 1", bundleScoped.targetFor(seat));
        assertEquals(List.of("get"), consumer.log);

        seat.close();
        assertEquals(List.of("get", "unget"), consumer.log);
        assertEquals("obtained anew after the seat gave it back", "get 2", bundleScoped.targetFor(seat));
    }

    @Test
    public void aPrototypeGivesEachSeatItsOwnObject() {
        Implementation prototype = scoped("prototype");
        Consumer other = new Consumer("other");
        Seat second = new Seat(slot, other.bundle);
        assertEquals("prototype", prototype.scope());
        assertEquals("new 1", prototype.targetFor(seat));
        assertEquals("new 1", prototype.targetFor(second));
        assertEquals("new 1", prototype.targetFor(seat));
        assertEquals(List.of("new"), consumer.log);

        prototype.releaseScoped();
        assertEquals(List.of("new", "release new 1"), consumer.log);
        assertEquals(List.of("new", "release new 1"), other.log);
        assertEquals("the seat's cache went stale with the release", "new 2", prototype.targetFor(seat));
    }

    @Test
    public void twoImplementationsKeepTheirObjectsForTheSameSeatApart() {
        Implementation first = scoped("bundle");
        Implementation second = scoped("prototype");
        Object fromFirst = first.targetFor(seat);
        Object fromSecond = second.targetFor(seat);
        assertNotSame(fromFirst, fromSecond);
        assertSame(fromFirst, first.targetFor(seat));
        assertSame(fromSecond, second.targetFor(seat));
        assertEquals(List.of("get", "new"), consumer.log);
    }

    @Test
    public void releasingAnotherImplementationKeepsTheSeatsCachedObject() {
        Implementation first = scoped("bundle");
        Implementation second = scoped("bundle");
        first.targetFor(seat);
        second.release(seat); // never obtained anything for the seat
        assertEquals(List.of("get"), consumer.log);
        assertEquals("get 1", first.targetFor(seat));
        assertEquals(List.of("get"), consumer.log);
    }

    @Test
    public void aServiceThatGivesNoObjectFailsTheCallNamingTheSlotAndTheConsumer() {
        Implementation bundleScoped = scoped("bundle");
        consumer.failure = new IllegalStateException("the consumer stopped");
        assertEquals("java.util.function.Supplier@1.0.0#default: impl 1.0.0 gave no service object for consumer.",
                assertThrows(SlotUnavailableException.class, () -> bundleScoped.targetFor(seat)).getMessage());
        consumer.failure = null;
        consumer.hasContext = false;
        assertThrows(SlotUnavailableException.class, () -> bundleScoped.targetFor(seat));
        assertEquals(List.of(), consumer.log);
    }

    @Test
    public void aFailedGiveBackIsTakenAsAlreadyReleased() {
        Implementation prototype = scoped("prototype");
        prototype.targetFor(seat);
        consumer.failure = new IllegalStateException("the service went away first");
        prototype.releaseScoped();
        consumer.failure = null;
        assertEquals(List.of("new", "release new 1"), consumer.log);
        assertEquals("new 2", prototype.targetFor(seat));
    }
}
