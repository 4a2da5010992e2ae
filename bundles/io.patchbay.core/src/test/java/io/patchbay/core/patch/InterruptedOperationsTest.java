package io.patchbay.core.patch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.core.store.Intent;
import io.patchbay.core.store.IntentFile;
import io.patchbay.core.store.Ledger;
import io.patchbay.core.store.RouteStore;
import io.patchbay.core.store.SavedRoute;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** At start, every operation a stop cut short is recorded once: as done where the route got there, else interrupted. */
public class InterruptedOperationsTest {

    private static final String SLOT = "a.B@1.0.0#default";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeBundles framework;
    private IntentFile intents;
    private RouteStore routes;
    private Ledger ledger;

    @Before
    public void open() {
        Path data = folder.getRoot().toPath();
        framework = new FakeBundles(data);
        intents = new IntentFile(data.resolve("operations.properties"));
        routes = new RouteStore(data.resolve("routes.properties"));
        ledger = new Ledger(data.resolve("ledger.jsonl"));
    }

    @Test
    public void anOperationWhoseRouteWasSavedIsRecordedAsDone() {
        routes.put(SLOT, route("impl/1.0.1"));
        intents.begin(new Intent(42, "apply", "ops", SLOT, "impl/1.0.0", "impl/1.0.1", "PRICING-42", "sum", "CN=x",
                "patchbay:patch/impl/1.0.1"));
        resolve();
        LedgerEntryDTO entry = only();
        assertEquals(List.of(42L, "apply", "ops", SLOT, "impl/1.0.0", "impl/1.0.1", "sum", "CN=x"), fields(entry));
        assertEquals("PRICING-42 [recorded at the next start: the container stopped after the switch, before this"
                + " entry was written]", entry.reason);
        assertEquals(List.of(), intents.pending());
    }

    @Test
    public void anOperationAlreadyRecordedIsNotRecordedTwice() {
        routes.put(SLOT, route("impl/1.0.1"));
        ledger.append(entry("apply", SLOT, "impl/1.0.1"));
        intents.begin(new Intent(42, "apply", "ops", SLOT, "impl/1.0.0", "impl/1.0.1", "r", null, null, null));
        resolve();
        assertEquals(1, ledger.entries().size());
    }

    @Test
    public void anOtherActionOnTheSameRouteIsRecorded() {
        routes.put(SLOT, route("impl/1.0.1"));
        ledger.append(entry("activate", SLOT, "impl/1.0.1"));
        intents.begin(new Intent(42, "apply", "ops", SLOT, "impl/1.0.0", "impl/1.0.1", "r", null, null, null));
        resolve();
        assertEquals(List.of("apply", "activate"), ledger.entries().stream().map(e -> e.action).toList());
    }

    @Test
    public void anOperationThatDidNotReachItsRouteIsInterruptedAndItsInstallRemoved() {
        routes.put(SLOT, route("impl/1.0.0"));
        FakeBundles.FakeBundle installed = framework.add(9, "impl", "1.0.1");
        installed.location = "patchbay:patch/impl/1.0.1";
        intents.begin(new Intent(42, "apply", "ops", SLOT, "impl/1.0.0", "impl/1.0.1", "r", "sum", null,
                installed.location));
        resolve();
        LedgerEntryDTO entry = only();
        assertEquals(List.of(42L, "interrupted", "ops", SLOT, "impl/1.0.0", "impl/1.0.1", "sum"),
                fields(entry).subList(0, 7));
        assertEquals("apply of impl/1.0.1 by ops was cut short when the container stopped; " + SLOT
                + " stays on impl/1.0.0, and the bundle it had installed was removed.", entry.reason);
        assertTrue(installed.uninstalled);
    }

    @Test
    public void aBundleTheRoutesRunIsNotRemoved() {
        routes.put(SLOT, route("impl/1.0.0"));
        routes.put("other@1.0.0#default", route("host/1.0.0+impl/1.0.1"));
        FakeBundles.FakeBundle installed = framework.add(9, "impl", "1.0.1");
        intents.begin(new Intent(1, "apply", "ops", SLOT, "impl/1.0.0", "impl/1.0.2", "r", null, null,
                installed.location));
        resolve();
        assertFalse(installed.uninstalled);
        assertTrue(only().reason, only().reason.endsWith(SLOT + " stays on impl/1.0.0."));
    }

    @Test
    public void aBundleThatCannotBeUninstalledIsReportedAsKept() {
        FakeBundles.FakeBundle installed = framework.add(9, "impl", "1.0.1");
        installed.uninstallFailure = new org.osgi.framework.BundleException("busy");
        intents.begin(new Intent(1, "revert", "ops", SLOT, "impl/1.0.1", "impl/1.0.0", "r", null, null,
                installed.location));
        resolve();
        assertEquals("revert of impl/1.0.0 by ops was cut short when the container stopped; " + SLOT
                + " stays on impl/1.0.1.", only().reason);
    }

    @Test
    public void anApplyWithoutASlotFindsItByTheRouteThatReachedIt() {
        routes.put("x.Y@1.0.0#default", route("impl/1.0.0"));
        routes.put(SLOT, route("impl/1.0.1"));
        intents.begin(new Intent(7, "apply", "ops", null, null, "impl/1.0.1", "r", null, null, null));
        resolve();
        assertEquals(SLOT, only().slot);
        assertEquals("apply", only().action);
    }

    @Test
    public void anApplyWithoutASlotThatReachedNoneChangedNoSlot() {
        routes.put(SLOT, route("impl/1.0.0"));
        intents.begin(new Intent(7, "apply", "ops", null, null, "impl/1.0.1", "r", null, null, "nowhere"));
        resolve();
        LedgerEntryDTO entry = only();
        assertNull(entry.slot);
        assertEquals("interrupted", entry.action);
        assertEquals("apply of impl/1.0.1 by ops was cut short when the container stopped; no slot changed.",
                entry.reason);
    }

    @Test
    public void aSlotWithoutASavedRouteStaysOnWhatItHad() {
        intents.begin(new Intent(7, "activate", "ops", SLOT, null, "impl/1.0.1", "r", null, null, null));
        resolve();
        assertEquals("activate of impl/1.0.1 by ops was cut short when the container stopped; " + SLOT
                + " stays on what it had.", only().reason);
    }

    private void resolve() {
        InterruptedOperations.resolve(framework.context(), intents, routes, ledger);
        assertEquals("every intent is resolved", List.of(), intents.pending());
    }

    private LedgerEntryDTO only() {
        assertEquals(1, ledger.entries().size());
        return ledger.entries().get(0);
    }

    private static List<Object> fields(LedgerEntryDTO entry) {
        return java.util.Arrays.asList(entry.time, entry.action, entry.actor, entry.slot, entry.from, entry.to,
                entry.checksum, entry.signer);
    }

    private static SavedRoute route(String active) {
        return new SavedRoute(active, List.of(), Set.of(active));
    }

    private static LedgerEntryDTO entry(String action, String slot, String to) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = 1;
        entry.action = action;
        entry.actor = "ops";
        entry.slot = slot;
        entry.to = to;
        return entry;
    }
}
