package io.patchbay.api.dto;

import org.osgi.dto.DTO;

/** A canary: part of a slot's calls go to a candidate while the judge compares it with the baseline. */
public class CanaryDTO extends DTO {

    public static final String RUNNING = "running";
    public static final String HOLDING = "holding";
    public static final String PROMOTED = "promoted";
    public static final String REVERTED = "reverted";

    public String slot;

    /** The active implementation, which serves every call the canary does not route to the candidate. */
    public String baseline;

    public String candidate;

    /** {@code running}, {@code holding} (waits for an operator), {@code promoted} or {@code reverted}. */
    public String state;

    /**
     * How the canary ended, as the ledger names the decision: {@code promote} (by the judge or an operator),
     * {@code auto-revert} (the judge found the candidate worse), {@code revert} (an operator ended it, or the
     * framework when an arm went away); {@code null} while it runs or holds.
     *
     * @since 1.5
     */
    public String outcome;

    /** Why it ended in one sentence: the judge's verdict, or what the operator or the framework gave. @since 1.5 */
    public String outcomeReason;

    /** Who ended it: {@code judge}, {@code framework} or the operator. @since 1.5 */
    public String outcomeActor;

    /** When it ended (epoch milliseconds); 0 while it runs or holds. @since 1.5 */
    public long ended;

    /** The spec in force, with every default filled in. */
    public CanarySpecDTO spec;

    /** The current step, 1-based, and how many there are. */
    public int step;

    public int stepCount;

    /** The candidate's share in this step, in percent (100 for a chosen-keys or bundles split: all of those). */
    public double share;

    /** When the canary started and when the current step began (epoch milliseconds). */
    public long started;

    public long stepStarted;

    public ArmDTO baselineArm;

    public ArmDTO candidateArm;

    /** Calls that carried no routing key (key splits only): they went to the baseline. */
    public long noKeyCalls;

    /** {@code pass}, {@code fail}, {@code wait} or {@code inconclusive}. */
    public String verdict;

    /** The judge's verdict in one sentence: what it found, or what it waits for. */
    public String reason;

    /** The judge's statistics: the log-likelihood ratios of the error and latency tests, and their bounds. */
    public double errorScore;

    public double latencyScore;

    public double acceptBound;

    public double rejectBound;

    /**
     * In the answer of {@code hold} and {@code resume}: whether it changed the canary ({@code false}: it was
     * holding, or running, already). Decided with the action, under the manager's operation lock. @since 1.6
     */
    public boolean changed;
}
