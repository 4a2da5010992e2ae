package io.patchbay.core.tracking;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import io.patchbay.core.store.DataAreaCopy;
import io.patchbay.core.store.DataAreas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A bundle that reads its data area when it starts (a configuration admin) gets its predecessor's before it starts,
 * and a running standby whose area differs from the route's must restart to read it; one that takes its state by
 * handoff, or whose area is the same, need not.
 */
public class DataAreaSeedTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Slot slot = new Slot(Greeting.class, "1.0.0", () -> 5_000);
    private StateCarry carry;
    private Path cache;

    @Before
    public void setUp() throws Exception {
        cache = folder.newFolder("cache").toPath();
        Path managerArea = Files.createDirectories(cache.resolve("bundle1/data"));
        carry = new StateCarry(new DataAreas(managerArea, 1),
                new DataAreaCopy(folder.newFolder("core").toPath().resolve("marker")), () -> 300);
    }

    @Test
    public void aBundleAboutToStartGetsAnExactCopyOfThePredecessorsArea() throws Exception {
        Implementation leaving = implementation(10, (Greeting) () -> "one");
        write(10, "config/a.config", "value=before");
        write(11, "config/stale.config", "value=old");
        carry.seed(leaving, leaving(11));
        assertArrayEquals("value=before".getBytes(), Files.readAllBytes(area(11).resolve("config/a.config")));
        assertFalse("an exact copy: nothing of its own left", Files.exists(area(11).resolve("config/stale.config")));
    }

    @Test
    public void aStandbyWhoseAreaDiffersFromTheRoutesReadsAStaleArea() throws Exception {
        Implementation active = implementation(10, (Greeting) () -> "one");
        Implementation standby = implementation(11, (Greeting) () -> "two");
        write(10, "config/a.config", "value=after");
        write(11, "config/a.config", "value=before");
        assertTrue(carry.readsStaleArea(active, standby));
        carry.seed(active, leaving(11));
        assertFalse("the same files and bytes after the copy", carry.readsStaleArea(active, standby));
    }

    @Test
    public void noAreaNoHandoffTakerAndTheSameBundleNeverRestart() throws Exception {
        Implementation active = implementation(10, (Greeting) () -> "one");
        assertFalse("two empty areas", carry.readsStaleArea(active, implementation(11, (Greeting) () -> "two")));
        write(10, "count", "3");
        assertFalse("it takes its state by handoff", carry.readsStaleArea(implementation(10, new Counter()),
                implementation(11, new Counter())));
        assertFalse("one bundle, one area", carry.readsStaleArea(active, implementation(10, (Greeting) () -> "f")));
        assertFalse(carry.readsStaleArea(null, active));
        assertTrue(carry.readsStaleArea(active, implementation(11, (Greeting) () -> "two")));
    }

    /** The storm found it: a bundle uninstalled between an operation's decision and its switch has no area. */
    @Test
    public void aBundleUninstalledSinceTheSwitchWasDecidedHasNoAreaToCarry() throws Exception {
        AtomicReference<Bundle> installed = new AtomicReference<>(leaving(10));
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> installed.get();
                    case "getProperty" -> "service.id".equals(args[0]) ? 110L : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        Implementation gone = new Implementation(slot, reference, (Greeting) () -> "one");
        Implementation standby = implementation(11, (Greeting) () -> "two");
        write(11, "config/a.config", "value=before");
        installed.set(null); // uninstalled: the framework gives its reference no bundle any more
        assertFalse(carry.wanted(gone, standby));
        assertFalse(carry.wanted(standby, gone));
        assertFalse(carry.readsStaleArea(gone, standby));
        carry.seed(gone, leaving(12));
        assertFalse("nothing copied", Files.exists(area(12)));
    }

    private void write(long bundleId, String file, String content) throws Exception {
        Path target = area(bundleId).resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, content);
    }

    private Path area(long bundleId) {
        return cache.resolve("bundle" + bundleId).resolve("data");
    }

    private static Bundle leaving(long bundleId) {
        return Stubs.bundle(bundleId, "com.example.b" + bundleId, "1.0." + bundleId);
    }

    private Implementation implementation(long bundleId, Object target) {
        return new Implementation(slot, Stubs.reference(leaving(bundleId), Map.of("service.id", bundleId + 100)),
                target);
    }
}
