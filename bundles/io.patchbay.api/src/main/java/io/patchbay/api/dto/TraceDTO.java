package io.patchbay.api.dto;

import java.util.List;
import org.osgi.dto.DTO;

/**
 * A trace of one slot's calls ({@link io.patchbay.api.PatchInspector#trace(String, int, long)}): the calls it has
 * recorded so far, from {@link #from} on, and whether it has stopped.
 *
 * @since 1.4
 */
public class TraceDTO extends DTO {

    /** The trace's number, to ask for more of its calls or to stop it. */
    public long id;

    /** The slot traced, its id. */
    public String slot;

    /** At most this many calls are recorded; the trace stops at the last. */
    public int maxCalls;

    /** The trace stops this many milliseconds after it started, whatever it has recorded. */
    public long maxMillis;

    /** When it started, milliseconds since the epoch. */
    public long started;

    /** The index of the first call in {@link #calls}; asking again from {@link #next} gets only new ones. */
    public int from;

    /** The index after the last call in {@link #calls}. */
    public int next;

    /** The calls recorded from {@link #from} on, in the order they ended. */
    public List<TraceCallDTO> calls;

    /** Whether the trace has stopped: no call is recorded after this is {@code true}. */
    public boolean done;

    /** Why it stopped, one sentence, for example {@code 20 calls recorded.}; {@code null} while it runs. */
    public String stopped;
}
