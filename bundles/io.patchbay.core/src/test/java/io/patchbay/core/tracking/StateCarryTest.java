package io.patchbay.core.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import io.patchbay.core.store.DataAreaCopy;
import io.patchbay.core.store.DataAreas;
import io.patchbay.core.store.FileJournal;
import io.patchbay.core.store.IntentFile;
import io.patchbay.core.store.Ledger;
import io.patchbay.core.store.RouteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;

/** A switch between stateful implementations: calls held, state handed over, refused cleanly. */
public class StateCarryTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Slot slot = new Slot(Greeting.class, "1.0.0", () -> 5_000);
    private final Counter leaving = new Counter();
    private final Counter arriving = new Counter();
    private Implementation one;
    private Implementation two;
    private Ledger ledger;
    private IntentFile intents;
    private Switcher switcher;
    private Path cache;

    @Before
    public void setUp() throws Exception {
        Path data = folder.newFolder("core").toPath();
        ledger = new Ledger(data.resolve("ledger.jsonl"));
        intents = new IntentFile(data.resolve("operations.properties"));
        cache = folder.newFolder("cache").toPath();
        Path managerArea = Files.createDirectories(cache.resolve("bundle1/data"));
        StateCarry carry = new StateCarry(new DataAreas(managerArea, 1), new DataAreaCopy(data.resolve("marker")),
                () -> 300);
        switcher = new Switcher(new FileJournal(intents, new RouteStore(data.resolve("routes.properties")), ledger),
                () -> 300, entry -> {
                }, implementation -> {
                }, carry);
        one = implementation(10, "1.0.0", leaving);
        two = implementation(11, "1.0.1", arriving);
        slot.add(one);
        slot.add(two);
        slot.route(one, false, 1);
    }

    @Test
    public void theArrivingImplementationContinuesTheLeavingOnesState() {
        call();
        call();
        String sentence = switcher.change(slot, two, change("activate")).message;
        assertSame(two, slot.active());
        assertEquals(2, arriving.count.get());
        assertEquals("greeting 3", call());
        assertEquals(slot.id() + " now runs com.example.two/1.0.1 instead of com.example.one/1.0.0 (state handed"
                + " over: {count=2}).", sentence);
        assertEquals("the ledger's reason is the operator's", "because", ledger.entries().get(0).reason);
    }

    @Test
    public void aCallMadeDuringTheHandoffWaitsAndReachesTheArrivingOneWithTheStateTakenOver() throws Exception {
        call();
        leaving.release = new CountDownLatch(1);
        CompletableFuture<Object> switched = CompletableFuture.supplyAsync(() -> switcher.change(slot, two,
                change("activate")));
        assertTrue(leaving.exporting.await(10, TimeUnit.SECONDS));
        CompletableFuture<String> held = new CompletableFuture<>();
        Thread caller = new Thread(() -> held.complete(call()), "caller");
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (caller.getState() != Thread.State.TIMED_WAITING && caller.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the call waits for a route (or, were it not held, has been answered)
        }
        leaving.release.countDown();
        switched.get(10, TimeUnit.SECONDS);
        assertEquals("counted once, by the arriving one, after the handoff", "greeting 2",
                held.get(10, TimeUnit.SECONDS));
        assertEquals("the leaving one answered no call during its export", 1, leaving.count.get());
    }

    @Test
    public void anImportThatThrowsRefusesTheSwitchAndTheLeavingOneKeepsServingWithItsState() {
        call();
        arriving.importFailure = new IllegalStateException("format 2 only");
        int entries = ledger.entries().size();
        PatchException refused = assertThrows(PatchException.class, () -> switcher.change(slot, two,
                change("revert")));
        assertEquals("The revert of " + slot.id() + " to com.example.two/1.0.1 was refused because its state"
                + " handoff failed: java.lang.IllegalStateException: format 2 only; com.example.one/1.0.0 keeps"
                + " serving with its state.", refused.getMessage());
        assertSame(one, slot.active());
        assertEquals("greeting 2", call());
        assertEquals(entries, ledger.entries().size());
        assertFalse(intents.inProgress(slot.id()));
        assertEquals(0, arriving.count.get());
    }

    @Test
    public void anExportThatOutlastsTheTimeoutRefusesTheSwitch() {
        leaving.release = new CountDownLatch(1);
        PatchException refused = assertThrows(PatchException.class, () -> switcher.change(slot, two,
                change("activate")));
        leaving.release.countDown();
        assertTrue(refused.getMessage(), refused.getMessage().contains("not handed over within 300 ms"));
        assertSame(one, slot.active());
    }

    @Test
    public void aCallStillRunningInTheLeavingOneRefusesTheSwitch() {
        Implementation running = slot.enter();
        try {
            PatchException refused = assertThrows(PatchException.class, () -> switcher.change(slot, two,
                    change("activate")));
            assertTrue(refused.getMessage(), refused.getMessage().contains("calls were still running after 300 ms"));
            assertSame(one, slot.active());
        } finally {
            running.exit();
        }
    }

    @Test
    public void theDataAreaOfTheLeavingBundleReplacesTheArrivingOnes() throws Exception {
        Path from = Files.createDirectories(cache.resolve("bundle10/data/nested"));
        Files.writeString(from.resolve("written.txt"), "by 1.0.0");
        Path to = Files.createDirectories(cache.resolve("bundle11/data"));
        Files.writeString(to.resolve("stale.txt"), "left by 1.0.1 earlier");
        String sentence = switcher.change(slot, two, change("activate")).message;
        assertEquals("by 1.0.0", Files.readString(to.resolve("nested/written.txt")));
        assertFalse(Files.exists(to.resolve("stale.txt")));
        assertTrue(sentence, sentence.endsWith(" (data area carried; state handed over: {count=0})."));
    }

    @Test
    public void aCanaryBetweenTwoStatefulImplementationsNeedsBothToDeclareTheirStateShareable() {
        PatchException refused = assertThrows(PatchException.class, () -> StateCarry.requireCanaryFits(slot, one,
                two));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith(
                "declare the state shareable with patchbay.state.shareable=true."));
        Map<String, Object> shareable = Map.of("service.id", 3L, "patchbay.state.shareable", "true");
        Implementation sharingOne = new Implementation(slot, Stubs.reference(one.bundle(), shareable), leaving);
        Implementation sharingTwo = new Implementation(slot, Stubs.reference(two.bundle(), shareable), arriving);
        StateCarry.requireCanaryFits(slot, sharingOne, sharingTwo);
        StateCarry.requireCanaryFits(slot, one, implementation(12, "1.0.2", (Greeting) () -> "stateless"));
    }

    @Test
    public void aSwitchWithoutStateIsNotHeld() {
        StateCarry carry = StateCarry.inMemory(() -> 300);
        Implementation stateless = implementation(12, "1.0.2", (Greeting) () -> "stateless");
        assertFalse(carry.wanted(one, stateless));
        assertFalse(carry.wanted(one, one));
        assertFalse(carry.wanted(null, two));
        assertTrue(carry.wanted(one, two));
    }

    private String call() {
        Implementation implementation = slot.enter();
        try {
            return ((Greeting) implementation.target).greet();
        } finally {
            implementation.exit();
        }
    }

    private Implementation implementation(long bundleId, String version, Object target) {
        Bundle bundle = Stubs.bundle(bundleId, version.equals("1.0.0") ? "com.example.one" : "com.example.two",
                version);
        return new Implementation(slot, Stubs.reference(bundle, Map.of("service.id", bundleId)), target);
    }

    private static Switcher.Change change(String action) {
        return new Switcher.Change(action, "test", "because", null, true);
    }
}
