package io.patchbay.core.retire;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.RetiredDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.testing.FakeBundles;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Every implementation that was active, and whether it is fully retired or what holds it. */
public class RetirementsTest {

    private final FakeBundles framework = new FakeBundles(Path.of("unused"));
    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 0);
    private final Retirements retirements = new Retirements(framework.context(), () -> List.of(slot));
    private final ClassLoader context = Thread.currentThread().getContextClassLoader();

    @After
    public void restoreContextLoader() {
        Thread.currentThread().setContextClassLoader(context);
    }

    /**
     * An implementation unregistered between its switch and this note (its reference no longer names a bundle):
     * the note passes over it and the operation that switched still answers (a storm's JMX revert once failed
     * with a NullPointerException here).
     */
    @Test
    public void anImplementationUnregisteredBeforeItsRouteIsNotedIsPassedOver() throws Exception {
        FakeBundles.FakeBundle original = bundle(3, "impl", "1.0.0");
        retirements.accept(FakeBundles.implementation(slot, original));
        FakeBundles.FakeBundle fix = bundle(4, "impl", "1.0.1");
        AtomicReference<Bundle> registrant = new AtomicReference<>(fix.bundle);
        Implementation departed = new Implementation(slot, (ServiceReference<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { ServiceReference.class }, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "getBundle" -> registrant.get();
                            case "getProperty" -> "service.id".equals(args[0]) ? 40L : null;
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> null;
                        }), (Supplier<String>) () -> "fix");
        registrant.set(null); // unregistered

        retirements.accept(departed);

        assertEquals(List.of("impl/1.0.0"), retirements.report(0).stream().map(r -> r.implementation).toList());
    }

    @Test
    public void anImplementationActiveNowIsActiveAndOneStillInstalledIsNotRetired() throws Exception {
        FakeBundles.FakeBundle original = bundle(3, "impl", "1.0.0");
        FakeBundles.FakeBundle fix = bundle(4, "impl", "1.0.1");
        Implementation first = FakeBundles.implementation(slot, original);
        Implementation second = FakeBundles.implementation(slot, fix);
        slot.route(first, false, 1);
        retirements.accept(first);
        slot.route(second, true, 2);
        retirements.accept(second);
        retirements.accept(second); // active again: still one entry

        List<RetiredDTO> report = retirements.report(0);
        assertEquals(2, report.size());
        RetiredDTO installed = report.get(0);
        assertEquals("impl/1.0.0", installed.implementation);
        assertEquals(slot.id(), installed.slot);
        assertEquals(3, installed.bundleId);
        assertEquals(original.location, installed.location);
        assertTrue(installed.activeSince > 0);
        assertEquals(RetiredDTO.INSTALLED, installed.state);
        assertFalse(installed.collected);
        assertEquals(List.of(), installed.holders);
        assertEquals("Not retired: bundle 3 is still installed; revert, uninstall and refresh it to retire it.",
                installed.message);
        assertEquals(RetiredDTO.ACTIVE, report.get(1).state);
        assertEquals("Active in " + slot.id() + ".", report.get(1).message);
    }

    @Test
    public void anUninstalledImplementationWhoseLoaderIsHeldNamesItsHolders() throws Exception {
        FakeBundles.FakeBundle fix = bundle(4, "impl", "1.0.1");
        Implementation patch = FakeBundles.implementation(slot, fix);
        retirements.accept(patch);
        fix.state = Bundle.UNINSTALLED;
        framework.manager().removalPending.add(fix);
        Thread.currentThread().setContextClassLoader(fix.loader);

        RetiredDTO held = retirements.report(0).get(0);
        assertEquals(RetiredDTO.HELD, held.state);
        assertFalse(held.collected);
        String thread = "Thread '" + Thread.currentThread().getName() + "' (RUNNABLE)";
        assertEquals(List.of("The framework still has it: bundle 4 is removal pending until a refresh"
                + " (FrameworkWiring.refreshBundles).", "The manager still has it as an implementation of "
                        + slot.id() + ": its service is still registered.",
                thread + " has it as its context class loader."),
                List.of(held.holders.get(0), held.holders.get(1), held.holders.get(3)));
        assertTrue(held.holders.get(2), held.holders.get(2).matches(java.util.regex.Pattern.quote(thread
                + " is inside its code: at ") + ".*" + getClass().getName() + "\\.anUninstalled.*\\)\\."));
        assertTrue(held.message, held.message.startsWith("Not collected: its class loader is still reachable"
                + " through " + held.holders.size() + " holders named below."));
    }

    @Test
    public void aRefreshedImplementationHeldByNothingKnownSaysSo() throws Exception {
        FakeBundles.FakeBundle fix = bundle(4, "impl", "1.0.1");
        fix.classResources = List.of();
        retirements.accept(FakeBundles.implementation(new Slot(Runnable.class, "1.0.0", () -> 0), fix));
        fix.currentWiring = false;
        RetiredDTO held = retirements.report(0).get(0);
        assertEquals(RetiredDTO.HELD, held.state);
        assertEquals(List.of(), held.holders);
        assertEquals("Not collected: its class loader is still reachable through nothing Patchbay can name (a heap"
                + " dump would tell).", held.message);
    }

    @Test
    public void aLoaderNobodyHoldsIsCollectedAndReportedFullyRetired() throws Exception {
        FakeBundles.FakeBundle fix = bundle(4, "impl", "1.0.1");
        retirements.accept(FakeBundles.implementation(new Slot(Runnable.class, "1.0.0", () -> 0), fix));
        fix.loader = null; // the only strong reference; the bundle is uninstalled and has no wiring any more
        fix.state = Bundle.UNINSTALLED;
        RetiredDTO collected = retirements.report(30_000).get(0);
        assertEquals(RetiredDTO.COLLECTED, collected.state);
        assertTrue(collected.collected);
        assertEquals("Fully retired: its class loader was collected.", collected.message);
    }

    @Test
    public void beyondTheLimitTheOldestGoes() throws Exception {
        for (int i = 0; i <= Retirements.LIMIT; i++) {
            retirements.accept(FakeBundles.implementation(slot, bundle(10 + i, "impl" + i, "1.0.0")));
        }
        List<RetiredDTO> report = retirements.report(0);
        assertEquals(Retirements.LIMIT, report.size());
        assertEquals("impl1/1.0.0", report.get(0).implementation);
    }

    private FakeBundles.FakeBundle bundle(long id, String name, String version) {
        FakeBundles.FakeBundle bundle = framework.add(id, name, version);
        bundle.loader = new ClassLoader(getClass().getClassLoader()) {
        };
        bundle.classResources = List.of(getClass().getName().replace('.', '/') + ".class");
        return bundle;
    }
}
