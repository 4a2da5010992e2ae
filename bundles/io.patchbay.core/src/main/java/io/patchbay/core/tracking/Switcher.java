package io.patchbay.core.tracking;

import io.patchbay.core.slot.Fallback;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Routed;
import io.patchbay.core.slot.Slot;
import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.core.store.CrashPoints;
import io.patchbay.core.store.Intent;
import io.patchbay.core.store.Journal;
import io.patchbay.core.store.SavedRoute;
import io.patchbay.api.dto.Changes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one place a route changes: switch, save the routes, write the ledger, then wait for the old implementation
 * to drain. What it writes down goes through the {@link Journal}.
 */
public final class Switcher {

    /** Who the ledger names for the framework's moves. */
    public static final String FRAMEWORK = "framework";

    private final Journal journal;
    private final LongSupplier drainMillis;
    private final Consumer<LedgerEntryDTO> listener;
    private final Consumer<Implementation> activated;
    private final StateCarry state;

    /** @param listener told of every ledger entry after it is written (events), on the switching thread */
    public Switcher(Journal journal, LongSupplier drainMillis, Consumer<LedgerEntryDTO> listener) {
        this(journal, drainMillis, listener, implementation -> {
        }, StateCarry.inMemory(drainMillis));
    }

    /**
     * @param activated told of every implementation a route moves to, on the switching thread, after the route
     *            (the retirement watch)
     * @param state carries a leaving implementation's state to the arriving one ({@link StateCarry})
     */
    public Switcher(Journal journal, LongSupplier drainMillis, Consumer<LedgerEntryDTO> listener,
            Consumer<Implementation> activated, StateCarry state) {
        this.journal = journal;
        this.drainMillis = drainMillis;
        this.listener = listener;
        this.activated = activated;
        this.state = state;
    }

    /**
     * A recorded change on its own: revert, activate, a patch started outside Patchbay. An intent is written
     * first, so that a stop at any instant between the switch and its ledger entry is resolved at the next start
     * ({@link io.patchbay.core.patch.InterruptedOperations}). Refused while the slot has an operation in progress
     * (a canary), whose intent it must not take over.
     */
    public ChangeDTO change(Slot slot, Implementation next, Change change) {
        if (journal.inProgress(slot.id())) {
            throw new PatchException(slot.id() + " has an operation in progress; the " + change.action()
                    + " of " + (next == null ? "nothing" : next.id()) + " was refused.");
        }
        return change(slot, next, change, true);
    }

    /**
     * A change that is one step of an operation that has written its intent already (apply, promote); if that
     * intent is keyed otherwise (an apply whose slot only the patch's registration told), it writes its own.
     */
    public ChangeDTO changeIn(Slot slot, Implementation next, Change change) {
        return change(slot, next, change, !journal.inProgress(slot.id()));
    }

    private ChangeDTO change(Slot slot, Implementation next, Change change, boolean own) {
        recordFallbacks(slot); // the framework's moves came first: the ledger says so
        long now = System.currentTimeMillis();
        if (own) {
            journal.begin(new Intent(now, change.action(), change.actor(), slot.id(), slot.currentId(),
                    next == null ? null : next.id(), change.reason(), change.checksum(), change.signer(), null));
        }
        CrashPoints.reached(change.action(), "intent");
        Routed routed;
        Implementation held = null;
        String carried = null;
        List<Fallback> meanwhile = List.of();
        try {
            synchronized (slot) { // the slot's monitor: no framework move can fall between these two
                meanwhile = slot.takeUnrecorded();
                if (state.wanted(slot.active(), next)) { // state to carry: calls wait until it is carried
                    held = slot.active();
                    slot.reroute(null, false, now);
                }
                routed = held != null || next != null && slot.active() == next ? null
                        : slot.reroute(next, change.remember(), now);
            }
            if (held != null) {
                StateCarry.Carried done = state.complete(slot, held, next, change, now);
                routed = done.routed();
                carried = done.note();
            }
        } catch (RuntimeException refused) { // gone before the route, or its state not carried: nothing changed
            if (own) {
                journal.finish(slot.id()); // nothing for the next start to resolve
            }
            record(slot, meanwhile);
            recordFallbacks(slot);
            throw refused;
        }
        record(slot, meanwhile); // a fallback that came after this change was decided is older: recorded first
        if (routed == null) { // the framework's fallback went where this change was going: nothing left to do
            if (own) {
                journal.finish(slot.id());
            }
            return Changes.unchanged(slot.id(), next.id(), next.id() + " already serves " + slot.id()
                    + "; nothing changed.");
        }
        String from = routed.fromId(); // read under the slot's lock with the switch, not before it
        CrashPoints.reached(change.action(), "routed");
        if (next != null) {
            activated.accept(next);
            save(slot);
        }
        CrashPoints.reached(change.action(), "saved");
        slot.followActive();
        LedgerEntryDTO entry = entry(now, change.action(), change.actor(), slot.id(), from,
                next == null ? null : next.id(), change.reason());
        entry.checksum = change.checksum();
        entry.signer = change.signer();
        journal.record(entry);
        CrashPoints.reached(change.action(), "recorded");
        if (own) {
            journal.finish(slot.id());
        }
        listener.accept(entry);
        ChangeDTO result = result(slot, from, next, drain(routed.before(), next));
        if (carried != null && !carried.isEmpty()) { // the operator's sentence says what went with the slot
            result.message = result.message.substring(0, result.message.length() - 1) + " (" + carried + ").";
        }
        return result;
    }

    /**
     * Records the moves the framework made in memory on this slot ({@link Slot#routeIf}), oldest first, each with
     * its intent: on the owner, before any later change of the slot.
     */
    public void recordFallbacks(Slot slot) {
        record(slot, slot.takeUnrecorded());
    }

    private void record(Slot slot, List<Fallback> fallbacks) {
        for (Fallback fallback : fallbacks) {
            boolean own = !journal.inProgress(slot.id());
            if (own) {
                journal.begin(new Intent(fallback.time(), "fallback", FRAMEWORK, slot.id(), fallback.from(),
                        fallback.to(), fallback.reason(), null, null, null));
            }
            slot.find(fallback.to()).ifPresent(activated);
            save(slot);
            LedgerEntryDTO entry = entry(fallback.time(), "fallback", FRAMEWORK, slot.id(), fallback.from(),
                    fallback.to(), fallback.reason());
            journal.record(entry);
            if (own) {
                journal.finish(slot.id());
            }
            listener.accept(entry);
        }
    }

    /** A ledger entry with its route fields; the caller adds a checksum and signer where it has them. */
    public static LedgerEntryDTO entry(long time, String action, String actor, String slot, String from, String to,
            String reason) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = time;
        entry.action = action;
        entry.actor = actor;
        entry.slot = slot;
        entry.from = from;
        entry.to = to;
        entry.reason = reason;
        return entry;
    }

    /** Writes an entry that changes no route (a canary's start, steps and end) and tells the listener of it. */
    public void record(LedgerEntryDTO entry) {
        journal.record(entry);
        listener.accept(entry);
    }

    /** Where operations that begin before they switch (an apply installs) write their intent. */
    /** What carries state from the implementation that leaves a route to the one that takes it. */
    public StateCarry carry() {
        return state;
    }

    public Journal journal() {
        return journal;
    }

    /**
     * Routes in memory only: the first implementation of a slot (a restart picks it again by itself), a route
     * restored after a restart, or bundles stopping while the framework shuts down. Nothing is written, so bringing
     * up many slots costs no disk writes and the saved routes stay what a restart must restore.
     */
    public void quietly(Slot slot, Implementation next) {
        slot.route(next, false, System.currentTimeMillis());
        if (next != null) {
            activated.accept(next);
        }
        slot.followActive();
    }

    private void save(Slot slot) {
        Implementation active = slot.active();
        if (active != null) {
            journal.saveRoute(slot.id(), new SavedRoute(active.id(), slot.previous(), slot.known()));
        }
    }

    public long drainMillis() {
        return drainMillis.getAsLong();
    }

    public SavedRoute saved(String slotId) {
        return journal.savedRoute(slotId);
    }

    /** The ids of every slot with a saved route. */
    public java.util.Set<String> savedIds() {
        return journal.savedRouteIds();
    }

    private boolean drain(Implementation before, Implementation next) {
        return before == null || before == next || drain(before);
    }

    /**
     * Waits, at most the drain timeout, for the calls running in {@code left} (no longer routed to) to end, then
     * gives back its consumers' scoped objects unless it is active again: they get new ones from the new route.
     */
    public boolean drain(Implementation left) {
        try {
            boolean drained = left.awaitDrained(drainMillis.getAsLong(), TimeUnit.MILLISECONDS);
            if (drained && left.slot().active() != left) {
                left.releaseScoped();
            }
            return drained;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static ChangeDTO result(Slot slot, String from, Implementation next, boolean drained) {
        return Changes.switched(slot.id(), from, next == null ? null : next.id(), drained);
    }

    /**
     * A change for the ledger; {@code remember} pushes the current implementation on the revert stack.
     *
     * @param signer the trusted signer of an applied patch jar, or {@code null} (not verified, or no jar)
     */
    public record Change(String action, String actor, String reason, String checksum, String signer,
            boolean remember) {

        /** A change with no signer: every one that does not apply a verified jar. */
        public Change(String action, String actor, String reason, String checksum, boolean remember) {
            this(action, actor, reason, checksum, null, remember);
        }
    }
}
