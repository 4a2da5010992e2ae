package io.patchbay.core.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;

import io.patchbay.core.slot.ServiceIdentity;
import io.patchbay.core.slot.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.ServiceReference;

/**
 * Services that one bundle registers under one name (the web console's servlets under its bundle name) are told
 * apart by what they serve, else by their own properties: the same names whatever the order they register in,
 * again and after a restart; registration order only for siblings with equal properties, and never a number twice.
 */
public class SiblingNamesTest {

    private static final String CONSOLE = "org.apache.felix.webconsole";
    private static final Map<String, Object> MANAGER = Map.of("osgi.http.whiteboard.servlet.pattern", "/",
            "username", "admin");
    private static final Map<String, Object> BUNDLES = Map.of("felix.webconsole.label", "bundles");
    private static final Map<String, Object> SERVICES = Map.of("felix.webconsole.label", "services");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private FakeFramework.FakeBundle console;

    @Before
    public void start() {
        framework = new FakeFramework(folder.getRoot().toPath());
        console = framework.install(CONSOLE, "5.0.8");
    }

    @After
    public void stop() {
        framework.owner.close();
    }

    @Test
    public void servicesNamedOnlyByTheirBundleAreNamedByWhatTheyServeInAnyOrder() throws Exception {
        register(MANAGER);
        register(BUNDLES);
        register(SERVICES);
        List<String> names = names();
        restart();
        register(SERVICES);
        register(BUNDLES);
        register(MANAGER);

        assertEquals(List.of(CONSOLE + "~/", CONSOLE + "~bundles", CONSOLE + "~services"), names);
        assertEquals("the same names after a restart in another order", names, names());
    }

    @Test
    public void aServiceRegisteredAgainFindsItsOwnSlotEvenWhenASiblingComesBackFirst() {
        ServiceReference<Object> manager = register(MANAGER);
        ServiceReference<Object> bundles = register(BUNDLES);
        Slot managerSlot = slotNamed(CONSOLE + "~/");
        framework.unregister(manager);
        framework.unregister(bundles);

        register(BUNDLES);
        register(Map.of("osgi.http.whiteboard.servlet.pattern", "/", "username", "changed", // its configuration,
                "service.pid", "org.apache.felix.webconsole.internal.servlet.OsgiManager")); // PID included

        assertSame("its properties changed, not what it serves", managerSlot, slotNamed(CONSOLE + "~/"));
        assertEquals(List.of(CONSOLE + "~/", CONSOLE + "~bundles"), names());
        assertEquals(framework.implementation(last()), managerSlot.active());
    }

    @Test
    public void siblingsThatNameThemselvesAlikeAreToldApartByTheirPropertiesInAnyOrder() {
        Map<String, Object> first = Map.of("component.name", "worker", "queue", "orders");
        Map<String, Object> second = Map.of("component.name", "worker", "queue", "invoices");
        ServiceReference<Object> one = register(first);
        ServiceReference<Object> two = register(second);
        String secondName = framework.implementation(two).slot().name();
        framework.unregister(one);
        framework.unregister(two);

        register(second); // the sibling comes back first: it does not take the first one's slot
        register(first);

        assertEquals("worker~" + ServiceIdentity.fingerprintOf(two), secondName);
        assertEquals(List.of("worker", secondName), names());
        assertEquals(secondName, framework.implementation(last(2)).slot().name());
    }

    @Test
    public void aServiceRegisteredAgainWithNewPropertiesKeepsItsSlotWhenItHasNoSiblings() {
        ServiceReference<Object> once = register(Map.of("component.name", "pricing", "rate", "1"));
        Slot slot = framework.implementation(once).slot();
        framework.unregister(once);

        register(Map.of("component.name", "pricing", "rate", "2"));

        assertSame(slot, framework.slot());
    }

    @Test
    public void siblingsWithEqualPropertiesAreNumberedAndANumberIsNeverGivenTwice() {
        Map<String, Object> same = Map.of("kind", "same");
        register(same);
        register(same);
        ServiceReference<Object> third = register(same);
        String numbered = framework.implementation(third).slot().name();
        console.state = org.osgi.framework.Bundle.RESOLVED; // the third goes for good: its slot retires
        framework.unregister(third);
        framework.pastDamping();
        console.state = org.osgi.framework.Bundle.ACTIVE;

        ServiceReference<Object> fourth = register(Map.of("kind", "same"));

        assertEquals(CONSOLE + "~2", numbered);
        assertNotEquals(numbered, framework.implementation(fourth).slot().name());
        assertEquals(CONSOLE + "~3", framework.implementation(fourth).slot().name());
    }

    @Test
    public void theFingerprintLeavesOutWhatTheFrameworkAssigns() {
        Map<String, Object> own = new HashMap<>(Map.of("queue", "orders"));
        String before = ServiceIdentity.fingerprintOf(register(own));
        own.putAll(Map.of("component.id", 17L, "service.changecount", 3L));
        String after = ServiceIdentity.fingerprintOf(register(own));

        assertEquals(before, after);
        assertNotEquals(before, ServiceIdentity.fingerprintOf(register(Map.of("queue", "x"))));
    }

    private final List<ServiceReference<Object>> registered = new ArrayList<>();

    private ServiceReference<Object> register(Map<String, Object> properties) {
        ServiceReference<Object> reference = framework.register(console, properties, (Greeting) () -> "hello");
        registered.add(reference);
        return reference;
    }

    private ServiceReference<Object> last() {
        return last(1);
    }

    private ServiceReference<Object> last(int back) {
        return registered.get(registered.size() - back);
    }

    private void restart() throws java.io.IOException {
        framework.owner.close();
        framework = new FakeFramework(folder.newFolder().toPath());
        console = framework.install(CONSOLE, "5.0.8");
    }

    private List<String> names() {
        return framework.slots.all().stream().map(Slot::name).sorted().toList();
    }

    private Slot slotNamed(String name) {
        return framework.slots.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
