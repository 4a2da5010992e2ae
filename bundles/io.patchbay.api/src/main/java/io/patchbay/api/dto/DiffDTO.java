package io.patchbay.api.dto;

import java.util.List;
import org.osgi.dto.DTO;

/**
 * What code a patch changes, class by class and method by method ({@code PatchInspector.diff}): the classes a
 * class loader of the new implementation would load, compared byte for byte with those of the one it replaces.
 *
 * @since 1.3
 */
public class DiffDTO extends DTO {

    /** Id of the slot the implementations are compared in. */
    public String slot;

    /** The implementation compared against (the one replaced, or the previous one); {@code null} when none. */
    public String from;

    /** The implementation compared: the patch, for a fragment patch its host with it, or the slot's active one. */
    public String to;

    /**
     * Whether {@link #to} differs from {@link #from} by fragment patches: then {@link #classes} are those the
     * fragments put ahead of the host's own (changed) or add to it (added).
     */
    public boolean fragment;

    /** Every class added, removed or changed, by class name. */
    public List<ClassDiffDTO> classes;

    /** How many classes are the same, byte for byte. */
    public int unchanged;

    /** One sentence: how many classes changed, were added and removed. */
    public String message;
}
