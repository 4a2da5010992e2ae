package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * What names a slot and an implementation: the service's name from its properties, the API version, and the
 * fragment patches attached to a host; and who holds the slot's facade.
 */
public class SlotIdentityTest {

    private final Bundle bundle = Stubs.bundle(1, "com.example.impl", "1.0.0");

    private String nameOf(Map<String, Object> properties) {
        return ServiceIdentity.nameOf(Stubs.reference(bundle, properties));
    }

    @Test
    public void theSlotPropertyNamesTheServiceThenTheComponentThenThePid() {
        assertEquals("pricing", nameOf(Map.of("patchbay.slot", " pricing ", "component.name", "c", "service.pid",
                "p")));
        assertEquals("c", nameOf(Map.of("component.name", "c", "service.pid", "p")));
        assertEquals("p", nameOf(Map.of("service.pid", "p")));
        assertEquals("the bundle's name", "com.example.impl", nameOf(Map.of()));
    }

    @Test
    public void aMultiValuedNameCountsByItsFirstValueAndABlankOneNotAtAll() {
        assertEquals("first", nameOf(Map.of("patchbay.slot", new String[] { "first", "second" })));
        assertEquals("listed", nameOf(Map.of("patchbay.slot", List.of("listed", "other"))));
        assertEquals("c", nameOf(Map.of("patchbay.slot", new String[0], "component.name", "c")));
        assertEquals("c", nameOf(Map.of("patchbay.slot", List.of(), "component.name", "c")));
        assertEquals("p", nameOf(Map.of("patchbay.slot", "  ", "service.pid", "p")));
    }

    @Test
    public void aReferenceWithoutItsBundleIsUnknown() {
        assertEquals("unknown", ServiceIdentity.nameOf(Stubs.reference(null, Map.of())));
    }

    @Test
    public void anInterfaceFromTheClassPathHasTheEmptyApiVersionAndIsNeverStale() {
        assertEquals("0.0.0", ApiVersions.of(Supplier.class));
        assertFalse(ApiVersions.isStale(Supplier.class));
    }

    @Test
    public void aHostWithFragmentPatchesIsADifferentImplementation() {
        Bundle fix = fragment("com.example.fix", "1.0.1", true);
        Bundle language = fragment("com.example.l10n", "1.0.0", false); // a fragment, not a patch
        Bundle other = fragment("com.example.fix2", "1.0.2", true);
        Bundle host = host(List.of(fix, language, other));
        assertEquals(List.of(fix, other), PatchFragments.attached(host));
        assertEquals("com.example.host/1.0.0+com.example.fix/1.0.1+com.example.fix2/1.0.2",
                Implementation.idOf(host));
        assertEquals("com.example.host/1.0.0", Implementation.bundleId(host));
        assertEquals("unwired: nothing attached", List.of(), PatchFragments.attached(bundle));
        assertEquals("com.example.impl/1.0.0", Implementation.idOf(bundle));
    }

    @Test
    public void theConsumersAreListedOnceEachUntilTheirLastFacadeGoes() {
        ConsumerBundles consumers = new ConsumerBundles();
        Bundle first = Stubs.bundle(2, "first", "1.0.0");
        Bundle second = Stubs.bundle(3, "second", "1.0.0");
        consumers.added(first);
        consumers.added(second);
        consumers.added(first);
        assertEquals(List.of(first, second), consumers.list());
        consumers.removed(first);
        assertEquals("it holds another facade", List.of(first, second), consumers.list());
        consumers.removed(first);
        assertEquals(List.of(second), consumers.list());
        consumers.removed(first);
        assertEquals(List.of(second), consumers.list());
    }

    private static Bundle fragment(String name, String version, boolean patch) {
        Hashtable<String, String> headers = new Hashtable<>();
        if (patch) {
            headers.put("Patchbay-Patch", "true");
        }
        return (Bundle) Proxy.newProxyInstance(SlotIdentityTest.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> name;
                    case "getVersion" -> org.osgi.framework.Version.parseVersion(version);
                    case "getHeaders" -> headers;
                    case "hashCode" -> name.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static Bundle host(List<Bundle> fragments) {
        List<BundleWire> wires = fragments.stream().map(SlotIdentityTest::wireFrom).toList();
        BundleWiring wiring = (BundleWiring) Proxy.newProxyInstance(SlotIdentityTest.class.getClassLoader(),
                new Class<?>[] { BundleWiring.class }, (proxy, method, args) -> method.getName()
                        .equals("getProvidedWires") && HostNamespace.HOST_NAMESPACE.equals(args[0]) ? wires : null);
        return (Bundle) Proxy.newProxyInstance(SlotIdentityTest.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> "com.example.host";
                    case "getVersion" -> org.osgi.framework.Version.parseVersion("1.0.0");
                    case "adapt" -> args[0] == BundleWiring.class ? wiring : null;
                    case "hashCode" -> 42;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static BundleWire wireFrom(Bundle fragment) {
        BundleRevision requirer = (BundleRevision) Proxy.newProxyInstance(SlotIdentityTest.class.getClassLoader(),
                new Class<?>[] { BundleRevision.class }, (proxy, method, args) -> method.getName().equals("getBundle")
                        ? fragment : null);
        return (BundleWire) Proxy.newProxyInstance(SlotIdentityTest.class.getClassLoader(),
                new Class<?>[] { BundleWire.class }, (proxy, method, args) -> method.getName().equals("getRequirer")
                        ? requirer : null);
    }
}
