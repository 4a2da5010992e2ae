package io.patchbay.core.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import io.patchbay.core.slot.Stubs;
import io.patchbay.core.tracking.Switcher;
import io.patchbay.core.store.CrashPoints;
import io.patchbay.core.store.FileJournal;
import io.patchbay.core.store.IntentFile;
import io.patchbay.core.store.Ledger;
import io.patchbay.core.store.RouteStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** An operator's canary operations, what they write to the ledger, and how an ended canary stays readable. */
public class CanariesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 200);
    private final Implementation baseline = Stubs.implementation(slot, "impl", "1.0.0", (Supplier<String>) () -> "a");
    private final Implementation candidate = Stubs.implementation(slot, "impl", "1.0.1",
            (Supplier<String>) () -> "b");
    private Ledger ledger;
    private Canaries canaries;
    private IntentFile intents;
    private final RouteOwner owner = new RouteOwner();
    /** Told of every ledger entry as the switcher records it (what EventAdmin's patch events are posted from). */
    private java.util.function.Consumer<LedgerEntryDTO> recorded = entry -> { };

    @Before
    public void setUp() {
        Path data = folder.getRoot().toPath();
        ledger = new Ledger(data.resolve("ledger.jsonl"));
        intents = new IntentFile(data.resolve("operations.properties"));
        Switcher switcher = new Switcher(new FileJournal(intents, new RouteStore(data.resolve("routes.properties")),
                ledger), () -> 1_000L, entry -> recorded.accept(entry));
        canaries = new Canaries(switcher, new ReentrantLock(), () -> () -> null, owner);
        slot.add(baseline);
        slot.add(candidate);
        slot.route(baseline, false, 1);
    }

    @After
    public void tearDown() {
        canaries.close();
        owner.close();
    }

    private CanaryDTO start() {
        return canaries.start(slot, candidate, CanarySpecs.complete(null, candidate.id()), "try it", "alice", "sha",
                null, null);
    }

    @Test
    public void whileItsPromotionSwitchesTheSlotsLastCanaryIsThisOne() {
        CanaryDTO started = start();
        List<CanaryDTO> during = new java.util.ArrayList<>();
        CrashPoints.observer = (action, step) -> {
            if (action.equals("promote") && step.equals("routed")) {
                during.add(canaries.last(slot)); // between the route's switch and the canary's recorded end
            }
        };
        try {
            canaries.promote(slot, null, "bob");
        } finally {
            CrashPoints.observer = (action, step) -> {
            };
        }
        assertEquals(1, during.size());
        assertEquals("not an older canary, nor none", List.of(started.started, "impl/1.0.1"),
                List.of(during.get(0).started, during.get(0).candidate));
        assertEquals(CanaryDTO.PROMOTED, canaries.last(slot).state);
    }

    @Test
    public void whenItsPromotionIsRecordedTheCanaryAlreadyTellsHowItEnded() {
        start();
        List<String> outcomes = new java.util.ArrayList<>();
        recorded = entry -> {
            if (entry.action.equals("promote")) {
                CanaryDTO last = canaries.last(slot);
                outcomes.add(last.outcome + " " + last.outcomeActor);
            }
        };
        canaries.promote(slot, null, "bob");
        assertEquals("a reader woken by the ledger's promote sees the outcome", List.of("promote bob"), outcomes);
    }

    private LedgerEntryDTO newest() {
        return ledger.entries().get(0); // newest first
    }

    @Test
    public void aCanaryStartsOnTheActiveImplementationAndIsRecorded() {
        CanaryDTO started = start();
        assertEquals("impl/1.0.0", started.baseline);
        assertEquals(CanaryDTO.RUNNING, started.state);
        assertSame(candidate, slot.split().candidate());
        assertTrue(canaries.isRunning(slot));
        assertSame(candidate, canaries.candidateOf(slot));
        assertEquals(List.of(slot.id()), canaries.all().stream().map(c -> c.slot).toList());
        LedgerEntryDTO entry = newest();
        assertEquals("canary alice impl/1.0.0 impl/1.0.1", entry.action + " " + entry.actor + " " + entry.from + " "
                + entry.to);
        assertTrue(entry.reason, entry.reason.startsWith("try it (routes a random share of calls, not sticky, steps"
                + " 1 → 5 → 25 → 50 % to impl/1.0.1; impl/1.0.0 stays the baseline)"));
        PatchException twice = assertThrows(PatchException.class, this::start);
        assertEquals(slot.id() + " has a canary of impl/1.0.1 in progress; promote or revert it first.",
                twice.getMessage());
    }

    @Test
    public void aCanaryNeedsAnotherImplementationThanTheActiveOne() {
        PatchException same = assertThrows(PatchException.class, () -> canaries.start(slot, baseline,
                CanarySpecs.complete(null, baseline.id()), null, "alice", null, null, null));
        assertEquals("impl/1.0.0 is already active in " + slot.id() + "; a canary needs another implementation.",
                same.getMessage());
        assertNull(slot.split());
        assertNull(canaries.last(slot));
    }

    @Test
    public void holdAndResumeAreRecordedOnce() {
        start();
        CanaryDTO held = canaries.hold(slot, "looking", "bob");
        assertEquals(CanaryDTO.HOLDING, held.state);
        assertTrue("the answer says it held", held.changed);
        assertFalse("already holding: the answer says so", canaries.hold(slot, "again", "bob").changed);
        assertEquals("hold", newest().action);
        assertEquals(1, ledger.entries().stream().filter(e -> "hold".equals(e.action)).count());
        Split heldSplit = slot.split();
        CanaryDTO resumed = canaries.resume(slot, null, "bob");
        assertNotSame("the held step is routed anew", heldSplit, slot.split());
        assertEquals(CanaryDTO.RUNNING, resumed.state);
        assertTrue(resumed.changed);
        assertEquals("resumed at step 1 of 4", newest().reason);
        assertFalse(canaries.resume(slot, null, "bob").changed);
        assertEquals(1, ledger.entries().stream().filter(e -> "resume".equals(e.action)).count());
    }

    @Test
    public void anOperatorsRevertSendsEveryCallToTheBaselineAndTheCanaryStaysReadable() {
        start();
        assertTrue("the canary's intent stays open while it runs", intents.inProgress(slot.id()));
        ChangeDTO change = canaries.revert(slot, "revert", "seen enough", "carol");
        assertEquals("impl/1.0.1 impl/1.0.0", change.from + " " + change.to);
        assertTrue(change.drained);
        assertEquals("The canary of impl/1.0.1 in " + slot.id() + " ended; every call goes to impl/1.0.0 again.",
                change.message);
        assertNull(slot.split());
        assertFalse(intents.inProgress(slot.id()));
        assertFalse(canaries.isRunning(slot));
        assertTrue(canaries.all().isEmpty());
        CanaryDTO last = canaries.last(slot);
        assertEquals(CanaryDTO.REVERTED + " revert seen enough carol", last.state + " " + last.outcome + " "
                + last.outcomeReason + " " + last.outcomeActor);
        assertTrue(last.ended > 0);
        assertEquals("revert", newest().action);
        assertTrue(newest().reason, newest().reason.startsWith("seen enough (the canary of impl/1.0.1 ended at step 1"
                + " of 4"));
        assertThrows(PatchException.class, () -> canaries.revert(slot, "revert", null, "carol"));
    }

    @Test
    public void aPromotionMakesTheCandidateActive() {
        start();
        ChangeDTO promoted = canaries.promote(slot, null, "dave");
        assertEquals("impl/1.0.0 impl/1.0.1", promoted.from + " " + promoted.to);
        assertSame(candidate, slot.active());
        assertFalse(intents.inProgress(slot.id()));
        assertEquals(List.of(), intents.pending());
        assertNull(slot.split());
        CanaryDTO last = canaries.last(slot);
        assertEquals(CanaryDTO.PROMOTED + " promote promote by dave", last.state + " " + last.outcome + " "
                + last.outcomeReason);
        assertEquals("promote", newest().action);
    }

    @Test
    public void anArmThatWentAwayEndsTheCanaryAsTheFrameworksDecision() throws InterruptedException {
        start();
        canaries.departed(baseline); // the end is queued on the route's owner
        assertTrue(owner.awaitQueued(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("revert framework", newest().action + " " + newest().actor);
        assertEquals("impl/1.0.0 went away", canaries.last(slot).outcomeReason);
        canaries.departed(candidate);
        assertTrue(owner.awaitQueued(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("nothing left to end", 1, ledger.entries().stream().filter(e -> "revert".equals(e.action))
                .count());
    }

    @Test
    public void operationsOnASlotWithoutCanarySaySo() {
        PatchException none = assertThrows(PatchException.class, () -> canaries.hold(slot, null, "erin"));
        assertEquals(slot.id() + " has no canary in progress.", none.getMessage());
        canaries.requireNone(slot);
        assertNull(canaries.candidateOf(slot));
    }
}
