package io.patchbay.api.dto;

import org.osgi.dto.DTO;

/**
 * One call a trace recorded: when it ended, who called, which implementation answered, how long it took, what it
 * threw, and during a canary the call's routing key.
 *
 * @since 1.4
 */
public class TraceCallDTO extends DTO {

    /** When the call ended, milliseconds since the epoch. */
    public long time;

    /** The consumer bundle, {@code symbolicName/version}; {@code null} for a call from no facade. */
    public String consumer;

    /** The consumer bundle's id, or -1. */
    public long consumerBundle;

    /** The implementation that answered, {@code name/version} as {@link ImplementationDTO#id}. */
    public String implementation;

    /** How long the call took, in nanoseconds; -1 for a call that began before the trace started. */
    public long nanos;

    /** The class of the exception the call threw, or {@code null} when it returned. */
    public String exception;

    /** The call's routing key while the slot runs a canary, or {@code null} (no canary, or the call had none). */
    public String key;
}
