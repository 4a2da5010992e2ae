package io.patchbay.api.dto;

import org.osgi.dto.DTO;

/** One side of a canary over the current step's window: the baseline or the candidate. */
public class ArmDTO extends DTO {

    /** The implementation's id ({@code name/version}). */
    public String implementation;

    /** The share of the slot's calls (or keys) routed here, in percent. */
    public double share;

    /** Calls that ended in this step's window. */
    public long calls;

    /** Of those, calls that threw. */
    public long errors;

    /** {@code errors / calls}, or 0 without calls. */
    public double errorRate;

    /** Median and 99th percentile of the timed calls, in microseconds (0 until calls were timed). */
    public double p50Micros;

    public double p99Micros;

    /** Timed calls in the window. */
    public long timedCalls;

    /** For the candidate: timed calls slower than the baseline's p99 plus the spec's slow margin. */
    public long slowerThanBaselineP99;
}
