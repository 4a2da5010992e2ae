package io.patchbay.shell;

import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.time.ZoneId;
import java.util.List;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Formats what the {@code patch} commands return, for a person at an 80-column terminal. Gogo asks every
 * converter in turn and prints the first answer; for any other type this one answers {@code null}.
 * <p>
 * {@link Converter#INSPECT} (what the console prints for a command's result) gives the full layout;
 * {@link Converter#LINE} and {@link Converter#PART} give one line, for these values inside other listings.
 */
@Component(service = Converter.class, property = {
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.SlotDTO",
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.ChangeDTO",
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.LedgerEntryDTO",
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.PatchStatusDTO",
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.ManagerStatusDTO",
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.CanaryDTO",
        Converter.CONVERTER_CLASSES + "=io.patchbay.shell.SlotInfo" })
public class PatchConverter implements Converter {

    private final SlotText slots;
    private final LedgerText ledger;

    /** Times in the JVM's time zone, as the operator's other logs show them. */
    public PatchConverter() {
        this(ZoneId.systemDefault());
    }

    PatchConverter(ZoneId zone) {
        this.slots = new SlotText(zone);
        this.ledger = new LedgerText(zone);
    }

    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (level == INSPECT) {
            return inspect(target);
        }
        if (target instanceof SlotDTO slot) {
            return level == PART ? slot.id : SlotText.line(slot);
        }
        if (target instanceof LedgerEntryDTO entry) {
            return ledger.line(entry);
        }
        if (target instanceof ChangeDTO change) {
            return change.message;
        }
        if (target instanceof PatchStatusDTO status) {
            return level == PART ? status.patch : status.message;
        }
        if (target instanceof ManagerStatusDTO status) {
            return status.ledger;
        }
        if (target instanceof CanaryDTO canary) {
            return level == PART ? canary.slot : CanaryText.line(canary);
        }
        return null;
    }

    private CharSequence inspect(Object target) {
        if (target instanceof SlotDTO[] list) {
            return slots.table(list);
        }
        if (target instanceof SlotDTO slot) {
            return slots.table(new SlotDTO[] { slot });
        }
        if (target instanceof SlotInfo info) {
            return slots.report(info, ledger);
        }
        if (target instanceof LedgerEntryDTO[] entries) {
            return ledger.entries(List.of(entries), "");
        }
        if (target instanceof LedgerEntryDTO entry) {
            return ledger.entries(List.of(entry), "");
        }
        if (target instanceof ChangeDTO change) {
            return change(change);
        }
        if (target instanceof PatchStatusDTO status) {
            String answer = Text.wrap(status.applied ? "yes: " : "no: ", status.message, "  ");
            return status.manager == null ? answer : answer + "\n" + manager(status.manager);
        }
        if (target instanceof ManagerStatusDTO status) {
            return manager(status);
        }
        if (target instanceof CanaryDTO[] canaries) {
            return CanaryText.table(canaries);
        }
        if (target instanceof CanaryDTO canary) {
            return CanaryText.report(canary);
        }
        return null;
    }

    /**
     * The ledger's integrity, then whether patches are verified: a sentence each, an edited ledger flagged; then
     * each warning (a surprise in the slots) as a sentence of its own.
     */
    static String manager(ManagerStatusDTO status) {
        StringBuilder text = new StringBuilder(Text.wrap(status.ledgerIntact ? "" : "WARNING: ", status.ledger, "  "))
                .append('\n').append(Text.wrap("", status.verification, "  "));
        if (status.warnings != null) {
            status.warnings.forEach(warning -> text.append('\n').append(Text.wrap("WARNING: ", warning, "  ")));
        }
        return text.toString();
    }

    /**
     * A switch in two lines: the slot, then from -> to (the two ids side by side with the slot id would pass 80
     * columns). Anything unusual follows as a sentence; a no-op is the manager's own sentence.
     */
    static String change(ChangeDTO change) {
        if (!change.changed) {
            return Text.wrap("", change.message, "  ");
        }
        String text = change.slot + "\n  " + Text.orNone(change.from) + " -> " + Text.orNone(change.to);
        if (!change.drained) {
            text += "\n" + Text.wrap("  ", "Calls that were running on " + change.from
                    + " had not finished when the drain timeout passed; they finish on it.", "  ");
        }
        return text;
    }
}
