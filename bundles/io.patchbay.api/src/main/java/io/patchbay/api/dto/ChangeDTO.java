package io.patchbay.api.dto;

import org.osgi.dto.DTO;

/** What an apply, revert or activate did. */
public class ChangeDTO extends DTO {

    /** The slot id. */
    public String slot;

    /** Implementation id before, or {@code null} when the slot had none. */
    public String from;

    /** Implementation id after. */
    public String to;

    /** {@code false} when nothing needed doing (already applied, nothing to revert). */
    public boolean changed;

    /** Whether the calls still running on {@code from} finished within the drain timeout. */
    public boolean drained;

    /**
     * One sentence for the operator: what the slot runs now ({@code S now runs B instead of A.}), or why nothing
     * changed.
     */
    public String message;
}
