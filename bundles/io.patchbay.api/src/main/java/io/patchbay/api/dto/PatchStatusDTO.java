package io.patchbay.api.dto;

import java.util.List;
import org.osgi.dto.DTO;

/** Whether a patch is applied. */
public class PatchStatusDTO extends DTO {

    /** The patch as asked for. */
    public String patch;

    /** Whether a bundle matching it is installed. */
    public boolean installed;

    /** Whether it is the active implementation of at least one slot. */
    public boolean applied;

    /** Ids of the slots where it is active. */
    public List<String> slots;

    /** One sentence for the operator. */
    public String message;

    /** The manager's state when asked (ledger integrity, verification), as {@code PatchManager.status()} answers. */
    public ManagerStatusDTO manager;
}
