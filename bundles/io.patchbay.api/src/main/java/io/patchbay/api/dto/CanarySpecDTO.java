package io.patchbay.api.dto;

import org.osgi.dto.DTO;

/**
 * What a canary routes to its candidate and how it is judged. Every field may be left {@code null}: the manager
 * fills in its default, and {@link CanaryDTO#spec} shows the values in force.
 */
public class CanarySpecDTO extends DTO {

    /** A random share of calls, not sticky. */
    public static final String CALLS = "calls";
    /** A sticky share of routing keys: murmur3 of {@code salt:key} into 10,000 buckets. */
    public static final String KEYS = "keys";
    /** Only the {@link #keys} named. */
    public static final String CHOSEN_KEYS = "chosen-keys";
    /** Every call from the consumer {@link #bundles} named. */
    public static final String BUNDLES = "bundles";

    /** {@link #CALLS} (default), {@link #KEYS}, {@link #CHOSEN_KEYS} or {@link #BUNDLES}. */
    public String split;

    /** Shares in percent the canary walks for {@code calls} and {@code keys} (default 1, 5, 25, 50); 100 % is the promotion. */
    public double[] steps;

    /** The chosen keys of a {@code chosen-keys} split. */
    public String[] keys;

    /** The symbolic names of the consumer bundles of a {@code bundles} split. */
    public String[] bundles;

    /** Salt of the key hash (default: the candidate's id), so two canaries split keys independently. */
    public String salt;

    /** The shortest time a step is held, even when the judge has decided (default 30,000 ms). */
    public Long minStepMillis;

    /** How long a step may stay undecided before the canary holds and waits for an operator (default 600,000 ms). */
    public Long maxStepMillis;

    /** The fewest candidate calls a step needs before it can pass (default 100). */
    public Long minCalls;

    /** Whether passing the last step promotes the candidate by itself (default {@code true}). */
    public Boolean autoPromote;

    /** The judge's chance of reverting a candidate no worse than the baseline, over the whole canary (default 0.01). */
    public Double alpha;

    /** The judge's chance of promoting a candidate as bad as the tolerated limit (default 0.05). */
    public Double beta;

    /** Error rates up to the baseline's plus this share are tolerated (default 0.005: half a percent point). */
    public Double errorMargin;

    /** Error rates up to this many times the baseline's are tolerated (default 2). */
    public Double errorRatio;

    /**
     * Shares of candidate calls slower than the baseline's p99 (times {@link #slowRatio}, plus
     * {@link #slowMarginMicros}) up to this are tolerated (default 0.05).
     */
    public Double slowShare;

    /**
     * How many times the baseline's time a candidate call may take before it counts as slower, for both latency
     * tests: beyond the baseline's median times this (on most calls) and beyond its p99 times this (on more than
     * {@link #slowShare} of calls) (default 1.2). Relative, so the judge holds at every time scale.
     *
     * @since 1.5
     */
    public Double slowRatio;

    /**
     * A candidate call counts as slower only when it also exceeds that bound by this many microseconds (default 50):
     * differences of a few microseconds between freshly loaded and hot code on a busy machine are noise, not a
     * regression. Before 1.5 the only margin, added to the baseline's p99 (default then 1,000).
     */
    public Long slowMarginMicros;

    /** Candidate calls not timed at the start of the canary, while its code warms up (default 200). */
    public Long warmupCalls;

    /** Hard guard: revert at once when at least this share of the step's candidate calls failed (default 0.5)... */
    public Double guardErrorRate;

    /** ...over at least this many candidate calls (default 20). */
    public Long guardCalls;

    /** Hard guard: revert at once when the candidate threw an exception class the baseline never threw this many times (default 3). */
    public Long newExceptionRepeats;
}
