package io.patchbay.api.dto;

import java.util.List;
import org.osgi.dto.DTO;

/**
 * What an apply of a patch would do, found without doing it ({@code PatchInspector.check}). A patch that apply
 * would refuse gets no CheckDTO: the check throws apply's exception instead.
 *
 * @since 1.3
 */
public class CheckDTO extends DTO {

    /** Apply would install the patch, start it (or for a fragment, refresh its host) and switch to it. */
    public static final String INSTALL = "install";

    /** The same bytes are installed already, as a standby: apply would switch to them without installing. */
    public static final String ACTIVATE = "activate";

    /** The patch is applied already: apply would change nothing (and say so, not fail). */
    public static final String NONE = "none";

    /** The patch as it was named: path, URL or upload name. */
    public String patch;

    /** {@code symbolicName/version} of the patch bundle. */
    public String id;

    /** SHA-256 of the jar, in hex: what the ledger would record. */
    public String checksum;

    /** Whether patches are verified against a trust store; when they are, the check verified the signature. */
    public boolean verifying;

    /** Subject of the trusted certificate that signed the whole jar; {@code null} when patches are not verified. */
    public String signer;

    /**
     * Id of the slot apply would patch; {@code null} when several slots of one interface match and the patch's own
     * registration decides, when it registers (then {@link #candidates} lists them).
     */
    public String slot;

    /** Ids of the slots the patch could patch: {@link #slot} alone when that is decided. */
    public List<String> candidates;

    /** What apply would do: {@link #INSTALL}, {@link #ACTIVATE} or {@link #NONE}. */
    public String action;

    /** The implementation active in {@link #slot} now, that apply would replace; {@code null} when there is none. */
    public String replaces;

    /**
     * The implementation {@link #slot} would run after apply: the patch's id, for a fragment patch its host's with
     * the fragment's ({@code host/1.0.0+fragment/1.0.1}); {@code null} when the slot is not decided.
     */
    public String becomes;

    /** Bundle id of the installed bundle with the patch's name, version and bytes; -1 when none is installed. */
    public long installedBundleId = -1;

    /** Whether the patch is a fragment that changes classes inside its host. */
    public boolean fragment;

    /** For a fragment patch, its host's id ({@code symbolicName/version}); {@code null} for a bundle. */
    public String host;

    /**
     * For a fragment patch, whether the host's {@code Bundle-ClassPath} has an entry that the host lacks and the
     * fragment fills, ahead of the host's own classes (the host includes {@code patchable.bnd}); without one the
     * fragment's classes would never be loaded.
     */
    public boolean hostPatchable;

    /**
     * {@code true} when the framework's resolver found every mandatory requirement of the patch among the
     * running bundles (or the patch is installed and resolved already); {@code false} when resolution could not be
     * checked (see {@link #resolution}). A patch that does not resolve is refused, not answered.
     */
    public boolean resolved;

    /** One sentence on the resolution. */
    public String resolution;

    /**
     * Where each requirement would be wired, one line each: {@code package com.example.pricing.api 1.0.0 from
     * com.example.pricing.api/1.0.0}. Empty when resolution was not checked.
     */
    public List<String> wires;

    /** Sentences on what apply would do that may surprise (a host that is not patchable); empty when none. */
    public List<String> warnings;

    /** What only applying can tell: whether the patch starts and registers its implementation in time. */
    public String notChecked;

    /** One sentence: what apply would do. */
    public String message;
}
