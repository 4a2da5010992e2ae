package io.patchbay.core.store;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The text fields of a {@link LedgerEntryDTO} by name, in the ledger's canonical order: the order of a line, of its
 * hash ({@link LedgerLine}) and of a route event's properties ({@link RouteEvents}). The one place the store maps
 * the DTO; {@code time}, its one number, comes before them.
 */
enum LedgerField {

    ACTION("action", e -> e.action, (e, v) -> e.action = v),
    ACTOR("actor", e -> e.actor, (e, v) -> e.actor = v),
    SLOT("slot", e -> e.slot, (e, v) -> e.slot = v),
    FROM("from", e -> e.from, (e, v) -> e.from = v),
    TO("to", e -> e.to, (e, v) -> e.to = v),
    REASON("reason", e -> e.reason, (e, v) -> e.reason = v),
    CHECKSUM("checksum", e -> e.checksum, (e, v) -> e.checksum = v),
    /** Came later: left out where it is {@code null}, so a line without it reads and hashes as before. */
    SIGNER("signer", e -> e.signer, (e, v) -> e.signer = v);

    /** The one number's name. */
    static final String TIME = "time";

    final String key;
    private final Function<LedgerEntryDTO, String> getter;
    private final BiConsumer<LedgerEntryDTO, String> setter;

    LedgerField(String key, Function<LedgerEntryDTO, String> getter, BiConsumer<LedgerEntryDTO, String> setter) {
        this.key = key;
        this.getter = getter;
        this.setter = setter;
    }

    String of(LedgerEntryDTO entry) {
        return getter.apply(entry);
    }

    void set(LedgerEntryDTO entry, String value) {
        setter.accept(entry, value);
    }

    /** Whether a line, a hash or an event leaves this field out of {@code entry}: only a {@code null} signer. */
    boolean omittedFrom(LedgerEntryDTO entry) {
        return this == SIGNER && entry.signer == null;
    }

    /** The field called {@code key}, or {@code null} (time, or a field this version does not know). */
    static LedgerField named(String key) {
        for (LedgerField field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        return null;
    }

    /** A copy of {@code entry} with every text field passed through {@code text}. */
    static LedgerEntryDTO copy(LedgerEntryDTO entry, UnaryOperator<String> text) {
        LedgerEntryDTO copy = new LedgerEntryDTO();
        copy.time = entry.time;
        for (LedgerField field : values()) {
            field.set(copy, text.apply(field.of(entry)));
        }
        return copy;
    }
}
