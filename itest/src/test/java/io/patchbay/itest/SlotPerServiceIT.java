package io.patchbay.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.example.pricing.api.PriceService;
import io.patchbay.api.PatchbayConstants;
import io.patchbay.api.dto.SlotDTO;
import io.patchbay.fixture.services.api.Call;
import io.patchbay.fixture.services.api.CallerReporter;
import io.patchbay.fixture.services.api.Counter;
import io.patchbay.fixture.services.api.Farewell;
import io.patchbay.fixture.services.api.Greeter;
import io.patchbay.fixture.services.api.PlainService;
import java.util.List;
import org.junit.After;
import org.junit.Test;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * A slot is one service, not an interface: services that share an interface, scopes, properties and several
 * interfaces keep their OSGi meaning through a patch and its revert.
 */
public class SlotPerServiceIT extends ContainerTest {

    private static final String PATCH = System.getProperty("patchbay.fixture.servicespatch");
    private static final String PRICE = "com.example.pricing.api.PriceService@1.0.0#";
    private static final String API = "io.patchbay.fixture.services.api.";

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Override
    protected List<Option> extras() {
        return List.of(CoreOptions.frameworkProperty("patchbay.managed.interfaces").value(API + "Greeter"),
                CoreOptions.bundle(Container.fixture("services").toURI().toString()));
    }

    @After
    public void revertEverything() {
        for (SlotDTO slot : manager.slots()) {
            if (slot.active != null && slot.active.id.equals("io.patchbay.fixture.services/1.0.1")) {
                manager.revert(slot.id, "test over", "itest");
            }
        }
    }

    @Test
    public void twoServicesOfOneInterfaceAreTwoSlotsAndOnlyThePatchedOneChanges() throws Exception {
        List<String> ids = manager.slots().stream().map(s -> s.id).toList();
        assertTrue(ids.toString(), ids.containsAll(List.of(PRICE + "pricing", PRICE + "premium", PRICE + "standard")));
        Call premium = call("premium");
        Call standard = call("standard");
        assertEquals("premium 1.0.0", premium.call());
        assertEquals("standard 1.0.0", standard.call());

        manager.applyTo("premium", PATCH, "premium fix", "itest");
        assertEquals("the same consumer object, its target filter still matching", "premium 1.0.1", premium.call());
        assertEquals("standard 1.0.0", standard.call());
        assertEquals("com.example.pricing.impl/1.0.0", manager.slot(PRICE + "pricing").active.id);
        assertEquals("the patch's other services wait as standbys", "io.patchbay.fixture.services/1.0.0",
                manager.slot("reporter").active.id);
        ServiceReference<PriceService> facade = only(PriceService.class, "(tier=premium)");
        assertEquals(PRICE + "premium", facade.getProperty(PatchbayConstants.FACADE_PROPERTY));
        assertEquals("io.patchbay.fixture.services.fix.PremiumPricesFix", facade.getProperty("component.name"));

        manager.revert("premium", "back", "itest");
        assertEquals("premium 1.0.0", premium.call());
        assertEquals("io.patchbay.fixture.services.PremiumPrices",
                only(PriceService.class, "(tier=premium)").getProperty("component.name"));
    }

    @Test
    public void aBundleScopedServiceKeepsSeeingEachConsumerBundle() throws Exception {
        CallerReporter mine = context.getService(context.getServiceReference(CallerReporter.class));
        String probe = context.getBundle().getSymbolicName();
        Call other = call("reporter");
        assertEquals("1.0.0:" + probe, mine.caller());
        assertEquals("1.0.0:io.patchbay.fixture.services", other.call());
        assertEquals("bundle", manager.slot("reporter").scope);

        manager.applyTo("reporter", PATCH, "reporter fix", "itest");
        assertEquals("1.0.1:" + probe, mine.caller());
        assertEquals("1.0.1:io.patchbay.fixture.services", other.call());

        manager.revert("reporter", "back", "itest");
        assertEquals("1.0.0:" + probe, mine.caller());
    }

    @Test
    public void aPrototypeServiceGivesEachGetServiceItsOwnObject() throws Exception {
        ServiceObjects<Counter> objects = context.getServiceObjects(context.getServiceReference(Counter.class));
        Counter first = objects.getService();
        Counter second = objects.getService();
        assertNotEquals(first.instance(), second.instance());
        assertEquals("1.0.0", first.version());

        manager.applyTo("counter", PATCH, "counter fix", "itest");
        assertEquals("1.0.1", first.version());
        assertEquals("1.0.1", second.version());
        assertTrue(first.instance() > 1000 && second.instance() > 1000);
        assertNotEquals("each prototype instance its own new object", first.instance(), second.instance());
        objects.ungetService(first);
        objects.ungetService(second);
    }

    @Test
    public void oneObjectUnderTwoInterfacesIsReachedUnderBothBeforeAndAfter() throws Exception {
        Greeter greeter = context.getService(only(Greeter.class, "(patchbay.slot=greeter)"));
        Farewell farewell = context.getService(only(Farewell.class, "(patchbay.slot=greeter)"));
        assertEquals(greeter.greet().replace("hello", "bye"), farewell.bye());
        assertTrue(greeter.greet().startsWith("hello from 1.0.0"));

        manager.applyTo("greeter", PATCH, "greeter fix", "itest");
        assertTrue(greeter.greet().startsWith("hello from 1.0.1"));
        assertEquals("the same object answers both", greeter.greet().replace("hello", "bye"), farewell.bye());
    }

    @Test
    public void managingOneInterfaceOfAServiceKeepsItsOtherInterface() throws Exception {
        ServiceReference<Farewell> half = only(Farewell.class, "(patchbay.slot=half)");
        assertNotNull("the facade carries every interface", half.getProperty(PatchbayConstants.FACADE_PROPERTY));
        assertEquals("half bye", context.getService(half).bye());
        assertEquals(List.of(API + "Greeter", API + "Farewell"), manager.slot(API + "Greeter@1.0.0#half").interfaces);
    }

    @Test
    public void aServiceRegisteredUnderAClassIsLeftAloneAndVisible() throws Exception {
        ServiceReference<PlainService> plain = context.getServiceReference(PlainService.class);
        assertNotNull(plain);
        assertNull(plain.getProperty(PatchbayConstants.FACADE_PROPERTY));
        assertEquals("plain", context.getService(plain).name());
        assertTrue(manager.slots().stream().noneMatch(s -> s.interfaceName.endsWith("PlainService")));
    }

    private Call call(String kind) throws Exception {
        return context.getService(only(Call.class, "(kind=" + kind + ")"));
    }

    private <T> ServiceReference<T> only(Class<T> type, String filter) throws Exception {
        var references = context.getServiceReferences(type, filter);
        assertEquals(type.getSimpleName() + " " + filter + ": " + references, 1, references.size());
        return references.iterator().next();
    }
}
