package io.patchbay.shell;

import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.SlotDTO;
import java.util.List;
import org.osgi.dto.DTO;

/**
 * What {@code patch:info} returns: a slot and its latest ledger entries, so that one value carries the whole
 * answer and {@link PatchConverter} can lay it out. Shell-private: not part of the API.
 */
public class SlotInfo extends DTO {

    public SlotDTO slot;

    /** The slot's newest ledger entries, newest first. */
    public List<LedgerEntryDTO> recent;
}
