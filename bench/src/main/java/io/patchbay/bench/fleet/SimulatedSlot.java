package io.patchbay.bench.fleet;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.SlotDTO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container's one slot, simulated: it serves {@value #CALLS_PER_SECOND} calls a second, counted on whichever
 * implementation is active, and a patch whose file name holds {@code broken} fails one call in 20, as the example's
 * broken patch does. A patch is named by its file: {@code sim.impl-1.0.1.jar} is {@code sim.impl/1.0.1}. Apply,
 * revert and the ledger behave as the real patch manager's do for what the fleet agent asks of them. Thread-safe.
 */
final class SimulatedSlot {

    static final String SLOT = "sim.PriceService@1.0.0#sim";
    static final String BASELINE = "sim.impl/1.0.0";
    static final int CALLS_PER_SECOND = 100;

    /** Calls and errors of one implementation since the slot started. */
    private static final class Record {
        long calls;
        long errors;
        final boolean broken;

        Record(boolean broken) {
            this.broken = broken;
        }
    }

    private final Map<String, Record> records = new LinkedHashMap<>();
    private final List<LedgerEntryDTO> ledger = new ArrayList<>(); // newest first
    private final List<String> replaced = new ArrayList<>(); // what each apply replaced, newest last
    private String active = BASELINE;
    private long servedUntil = System.currentTimeMillis();
    private long served;

    SimulatedSlot() {
        records.put(BASELINE, new Record(false));
    }

    /** The patch a file brings: {@code sim.impl-1.0.1.jar} is {@code sim.impl/1.0.1}. */
    static String patchOf(String location) {
        String name = Path.of(location).getFileName().toString().replaceFirst("\\.jar$", "");
        int dash = name.lastIndexOf('-');
        if (dash < 0) {
            throw new PatchException(name + " is not a simulated patch (name-version.jar).");
        }
        return name.substring(0, dash) + "/" + name.substring(dash + 1);
    }

    synchronized CheckDTO check(String location) {
        CheckDTO check = new CheckDTO();
        check.patch = location;
        check.id = patchOf(location);
        check.slot = SLOT;
        check.action = check.id.equals(active) ? CheckDTO.NONE : CheckDTO.INSTALL;
        return check;
    }

    synchronized SlotDTO dto() {
        serve();
        SlotDTO slot = new SlotDTO();
        slot.id = SLOT;
        slot.number = 1;
        slot.active = implementation(active);
        slot.standby = records.keySet().stream().filter(id -> !id.equals(active)).map(this::implementation).toList();
        return slot;
    }

    synchronized ChangeDTO apply(String location, String reason, String actor) {
        String patch = patchOf(location);
        serve();
        records.computeIfAbsent(patch, id -> new Record(id.contains("broken")));
        replaced.add(active);
        return change("apply", active, patch, reason, actor);
    }

    synchronized ChangeDTO revert(String reason, String actor) {
        if (replaced.isEmpty()) {
            throw new PatchException(SLOT + " runs its original implementation: nothing to revert.");
        }
        serve();
        return change("revert", active, replaced.remove(replaced.size() - 1), reason, actor);
    }

    synchronized List<LedgerEntryDTO> history() {
        return List.copyOf(ledger);
    }

    /** Calls served since the start, by every implementation. */
    synchronized long served() {
        serve();
        return served;
    }

    private ChangeDTO change(String action, String from, String to, String reason, String actor) {
        active = to;
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = System.currentTimeMillis();
        entry.action = action;
        entry.actor = actor;
        entry.slot = SLOT;
        entry.from = from;
        entry.to = to;
        entry.reason = reason;
        ledger.add(0, entry);
        ChangeDTO change = new ChangeDTO();
        change.slot = SLOT;
        change.from = from;
        change.to = to;
        change.changed = true;
        change.drained = true;
        change.message = SLOT + " now runs " + to + " instead of " + from + ".";
        return change;
    }

    /** Counts the calls served since the last look on the active implementation. */
    private void serve() {
        long now = System.currentTimeMillis();
        long calls = (now - servedUntil) * CALLS_PER_SECOND / 1000;
        if (calls <= 0) {
            return;
        }
        servedUntil += calls * 1000 / CALLS_PER_SECOND;
        Record record = records.get(active);
        for (long i = 0; i < calls; i++) {
            record.calls++;
            served++;
            if (record.broken && served % 20 == 0) {
                record.errors++;
            }
        }
    }

    private ImplementationDTO implementation(String id) {
        Record record = records.get(id);
        ImplementationDTO implementation = new ImplementationDTO();
        implementation.id = id;
        implementation.state = id.equals(active) ? "active" : "standby";
        implementation.patch = !id.equals(BASELINE);
        implementation.calls = record.calls;
        implementation.errors = record.errors;
        return implementation;
    }
}
