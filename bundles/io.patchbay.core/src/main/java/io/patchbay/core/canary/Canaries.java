package io.patchbay.core.canary;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.RouteOwner;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.tracking.StateCarry;
import io.patchbay.core.tracking.Switcher;
import io.patchbay.core.store.CrashPoints;
import io.patchbay.core.store.Intent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The canaries in progress, one per slot at most, and the judge, which looks at each every {@value #TICK_MILLIS} ms
 * on the route's owner and steps, promotes, holds or reverts it. Every decision, the judge's or an operator's,
 * is taken under the manager's operation lock (the judge skips a look while an operation runs) and written to the
 * ledger with both arms' statistics. A canary's intent stays open while it runs, so a container that stops in the
 * middle ends it on its baseline at the next start ({@link io.patchbay.core.patch.InterruptedOperations}).
 */
public final class Canaries implements AutoCloseable {

    /** Who the ledger names for the judge's decisions. */
    public static final String JUDGE = "judge";
    public static final long TICK_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(Canaries.class.getName());

    private final Switcher switcher;
    private final ReentrantLock operations;
    private final Supplier<Supplier<String>> keys;
    private final RouteOwner owner;
    private final Map<Slot, Canary> running = new ConcurrentHashMap<>();
    private final Map<String, Canary> ended = new ConcurrentHashMap<>();
    private boolean ticking; // guarded by this
    private volatile boolean closed;

    /**
     * @param operations the manager's operation lock, held by every operator's operation
     * @param keys the routing key sources in force when a canary starts
     * @param owner the one writer of the routes: the judge's looks and the ends of departed canaries run there
     */
    public Canaries(Switcher switcher, ReentrantLock operations, Supplier<Supplier<String>> keys, RouteOwner owner) {
        this.switcher = switcher;
        this.operations = operations;
        this.keys = keys;
        this.owner = owner;
    }

    /** Starts a canary of {@code candidate} against the slot's active implementation; under the operation lock. */
    public CanaryDTO start(Slot slot, Implementation candidate, CanarySpecDTO spec, String reason, String actor,
            String checksum, String signer, String installed) {
        Implementation baseline = slot.active();
        if (baseline == null) {
            throw new PatchException(slot.id() + " has no active implementation to compare " + candidate.id()
                    + " with; apply it instead.");
        }
        if (baseline == candidate) {
            throw new PatchException(candidate.id() + " is already active in " + slot.id()
                    + "; a canary needs another implementation.");
        }
        requireNone(slot);
        StateCarry.requireCanaryFits(slot, baseline, candidate);
        long now = System.currentTimeMillis();
        switcher.journal().begin(new Intent(now, "canary", actor, slot.id(), baseline.id(), candidate.id(), reason,
                checksum, signer, installed));
        Canary canary = new Canary(slot, baseline, candidate, spec, keys.get(), now, checksum, signer);
        running.put(slot, canary);
        canary.begin();
        CrashPoints.reached("canary", "split");
        record(canary, "canary", actor, baseline.id(), candidate.id(), join(reason, "routes "
                + CanarySpecs.describe(spec) + " to " + candidate.id() + "; " + baseline.id() + " stays the baseline"));
        ticking();
        return canary.dto();
    }

    /** Refuses an operation on a slot with a canary in progress. */
    public void requireNone(Slot slot) {
        Canary canary = running.get(slot);
        if (canary != null) {
            throw new PatchException(slot.id() + " has a canary of " + canary.candidate().id()
                    + " in progress; promote or revert it first.");
        }
    }

    public boolean isRunning(Slot slot) {
        return running.containsKey(slot);
    }

    /** The candidate of the slot's canary, or {@code null}. */
    public Implementation candidateOf(Slot slot) {
        Canary canary = running.get(slot);
        return canary == null ? null : canary.candidate();
    }

    /** The slot's canary running or holding, else the last that ended since the manager started, or {@code null}. */
    public CanaryDTO last(Slot slot) {
        Canary canary = running.get(slot);
        canary = canary != null ? canary : ended.get(slot.id());
        return canary == null ? null : canary.dto();
    }

    /** How {@code canary} ended, for {@link #last}: the decision's sentence, or who ended it. */
    private void remember(Canary canary, String action, String actor, String reason) {
        String why = reason != null && !reason.isBlank() ? reason : action + " by " + actor;
        canary.ended(new Canary.Ending(action, why, actor, System.currentTimeMillis()));
        ended.put(canary.slot().id(), canary);
    }

    public List<CanaryDTO> all() {
        return running.values().stream().map(Canary::dto).sorted((a, b) -> a.slot.compareTo(b.slot)).toList();
    }

    /** Makes the candidate active (ledger {@code promote}); under the operation lock. */
    public ChangeDTO promote(Slot slot, String reason, String actor) {
        Canary canary = claim(slot);
        String why = join(reason, "promoted at " + canary.statistics());
        switcher.journal().begin(new Intent(System.currentTimeMillis(), "promote", actor, slot.id(),
                canary.baseline().id(), canary.candidate().id(), why, canary.checksum, canary.signer, null));
        remember(canary, "promote", actor, reason); // before the switch records it, as a revert does
        try {
            return switcher.changeIn(slot, canary.candidate(), new Switcher.Change("promote", actor, why,
                    canary.checksum, canary.signer, true));
        } finally {
            canary.end(CanaryDTO.PROMOTED);
            switcher.journal().finish(slot.id());
        }
    }

    /** Sends every call to the baseline again (ledger {@code action}); under the operation lock. */
    public ChangeDTO revert(Slot slot, String action, String reason, String actor) {
        return revert(claim(slot), action, reason, actor);
    }

    private ChangeDTO revert(Canary canary, String action, String reason, String actor) {
        String statistics = canary.statistics();
        canary.end(CanaryDTO.REVERTED);
        remember(canary, action, actor, reason);
        Implementation candidate = canary.candidate();
        boolean drained = switcher.drain(candidate);
        record(canary, action, actor, candidate.id(), canary.baseline().id(), join(reason, "the canary of "
                + candidate.id() + " ended at " + statistics + "; every call goes to " + canary.baseline().id()));
        switcher.journal().finish(canary.slot().id());
        return io.patchbay.api.dto.Changes.of(canary.slot().id(), candidate.id(), canary.baseline().id(), drained,
                "The canary of " + candidate.id() + " in " + canary.slot().id() + " ended; every call goes to "
                        + canary.baseline().id() + " again.");
    }

    /** Stops the steps: the judge still reverts a failing candidate, but neither steps nor promotes. */
    public CanaryDTO hold(Slot slot, String reason, String actor) {
        Canary canary = require(slot);
        boolean changed = !canary.machine().holding();
        if (changed) {
            canary.machine().hold();
            record(canary, "hold", actor, canary.baseline().id(), canary.candidate().id(),
                    join(reason, "held at " + canary.statistics()));
        }
        return answer(canary, changed);
    }

    /** Walks the steps again; the held step's window starts anew. */
    public CanaryDTO resume(Slot slot, String reason, String actor) {
        Canary canary = require(slot);
        boolean changed = canary.machine().holding();
        if (changed) {
            canary.machine().resume(System.currentTimeMillis());
            canary.route();
            CanaryView view = canary.machine().view();
            record(canary, "resume", actor, canary.baseline().id(), canary.candidate().id(),
                    join(reason, "resumed at step " + (view.step() + 1) + " of " + view.stepCount()));
        }
        return answer(canary, changed);
    }

    private static CanaryDTO answer(Canary canary, boolean changed) {
        CanaryDTO dto = canary.dto();
        dto.changed = changed;
        return dto;
    }

    /**
     * An implementation left its slot (unregistered), on the framework's thread: its slot has already dropped the
     * split and refuses any split to it. A canary it was an arm of ends on what remains, as the framework's
     * decision, on the route's owner, unless an operator or the judge ended it first.
     */
    public void departed(Implementation implementation) {
        Slot slot = implementation.slot();
        Canary canary = running.get(slot);
        if (canary != null && (canary.candidate() == implementation || canary.baseline() == implementation)) {
            owner.submit("end of the canary of " + canary.candidate().id(), () -> {
                if (running.remove(slot, canary)) {
                    revert(canary, "revert", implementation.id() + " went away", "framework");
                } else {
                    LOG.info("The canary of " + canary.candidate().id() + " in " + slot.id() + " had ended before "
                            + implementation.id() + " went away was handled.");
                }
            });
        }
    }

    /**
     * Takes the slot's canary out of the running ones: whoever does ends it, nobody else. Until its end is known,
     * {@link #last} answers this canary, not the slot's previous one.
     */
    private Canary claim(Slot slot) {
        Canary canary = require(slot);
        if (!running.remove(slot, canary)) {
            throw new PatchException(slot.id() + " has no canary in progress.");
        }
        ended.put(slot.id(), canary);
        return canary;
    }

    private Canary require(Slot slot) {
        Canary canary = running.get(slot);
        if (canary == null) {
            throw new PatchException(slot.id() + " has no canary in progress.");
        }
        return canary;
    }

    /** The judge looks every {@value #TICK_MILLIS} ms, on the route's owner, between other changes. */
    private synchronized void ticking() {
        if (!ticking) {
            ticking = true;
            owner.schedule("canary judge's look", TICK_MILLIS, this::tick);
        }
    }

    private void tick() {
        look();
        if (!closed) {
            owner.schedule("canary judge's look", TICK_MILLIS, this::tick);
        }
    }

    private void look() {
        if (running.isEmpty() || !operations.tryLock()) {
            return; // an operation is running: look again at the next tick
        }
        try {
            for (Canary canary : List.copyOf(running.values())) {
                try {
                    decide(canary, canary.look(System.currentTimeMillis()));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The judge could not decide the canary of " + canary.slot().id(), e);
                }
            }
        } finally {
            operations.unlock();
        }
    }

    /** Carries out the machine's decision on the slot and in the ledger. */
    private void decide(Canary canary, CanaryMachine.Decision decision) {
        Slot slot = canary.slot();
        String reason = decision.verdict().reason();
        switch (decision.action()) {
            case REVERT -> revert(slot, "auto-revert", reason, JUDGE);
            case HOLD -> record(canary, "hold", JUDGE, canary.baseline().id(), canary.candidate().id(),
                    reason + " (held at " + canary.statistics(decision.decided()) + ")");
            case PROMOTE -> promote(slot, reason, JUDGE);
            case STEP -> {
                canary.route();
                CanaryView view = canary.machine().view();
                record(canary, "step", JUDGE, canary.baseline().id(), canary.candidate().id(), "step "
                        + (view.step() + 1) + " of " + view.stepCount() + " at " + view.percent() + " %: " + reason
                        + " at " + canary.statistics(decision.decided()));
            }
            default -> {
            }
        }
    }

    private void record(Canary canary, String action, String actor, String from, String to, String reason) {
        LedgerEntryDTO entry = Switcher.entry(System.currentTimeMillis(), action, actor, canary.slot().id(), from, to,
                reason);
        entry.checksum = canary.checksum;
        entry.signer = canary.signer;
        switcher.record(entry);
    }

    private static String join(String reason, String what) {
        return reason == null || reason.isBlank() ? what : reason + " (" + what + ")";
    }

    @Override
    public void close() {
        closed = true;
    }
}
