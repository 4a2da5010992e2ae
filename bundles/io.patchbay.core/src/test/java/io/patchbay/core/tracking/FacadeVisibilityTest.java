package io.patchbay.core.tracking;

import io.patchbay.core.slot.Stubs;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchbayConstants;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The hooks decide whether a bundle may see a facade from its package wires: a bundle wired to the class space of
 * the slot's interface sees it, one wired to another copy of the package does not, one that cannot see the package
 * at all does; and deciding never loads a class through the bundle (which could wire a dynamic import or activate a
 * lazy bundle from inside a hook).
 */
public class FacadeVisibilityTest {

    private static final String SLOT = "greeting";
    private final List<String> loaded = new CopyOnWriteArrayList<>();
    private final ClassLoader consumersOwn = new ClassLoader(null) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            loaded.add(name);
            return super.loadClass(name, resolve);
        }
    };
    private final FacadeVisibility visibility = new FacadeVisibility(id -> SLOT.equals(id) ? List.of(Greeting.class)
            : null);
    private final ServiceReference<?> facade = Stubs.reference(Stubs.bundle(1, "manager", "1.0.0"),
            Map.of(PatchbayConstants.FACADE_PROPERTY, SLOT));

    @Test
    public void aBundleWiredToTheSlotsClassSpaceSeesTheFacade() {
        assertFalse(visibility.hiddenFrom(consumer(Greeting.class.getClassLoader()), facade));
        assertEquals("no class loaded through the bundle", List.of(), loaded);
    }

    @Test
    public void aBundleWiredToAnotherCopyOfTheApiDoesNot() {
        assertTrue(visibility.hiddenFrom(consumer(new ClassLoader(null) {
        }), facade));
        assertEquals(List.of(), loaded);
    }

    @Test
    public void aBundleThatCannotSeeThePackageSeesTheFacade() {
        assertFalse(visibility.hiddenFrom(consumer(null), facade));
        assertEquals(List.of(), loaded);
    }

    /** A bundle whose import of the interface's package is wired to a bundle with {@code provider}, or unwired. */
    private Bundle consumer(ClassLoader provider) {
        List<BundleWire> wires = provider == null ? List.of() : List.of(wireTo(wiring(provider, List.of())));
        BundleWiring own = wiring(consumersOwn, wires);
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> method.getName().equals("adapt") && args[0] == BundleWiring.class ? own
                        : null);
    }

    private static BundleWiring wiring(ClassLoader loader, List<BundleWire> imports) {
        return (BundleWiring) Proxy.newProxyInstance(FacadeVisibilityTest.class.getClassLoader(),
                new Class<?>[] { BundleWiring.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getClassLoader" -> loader;
                    case "getRequiredWires" -> PackageNamespace.PACKAGE_NAMESPACE.equals(args[0]) ? imports
                            : List.of();
                    case "getCapabilities", "findEntries" -> List.of();
                    default -> null;
                });
    }

    private static BundleWire wireTo(BundleWiring provider) {
        BundleCapability export = (BundleCapability) Proxy.newProxyInstance(
                FacadeVisibilityTest.class.getClassLoader(), new Class<?>[] { BundleCapability.class },
                (proxy, method, args) -> method.getName().equals("getAttributes")
                        ? Map.of(PackageNamespace.PACKAGE_NAMESPACE, Greeting.class.getPackageName())
                        : null);
        return (BundleWire) Proxy.newProxyInstance(FacadeVisibilityTest.class.getClassLoader(),
                new Class<?>[] { BundleWire.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getCapability" -> export;
                    case "getProviderWiring" -> provider;
                    default -> null;
                });
    }
}
