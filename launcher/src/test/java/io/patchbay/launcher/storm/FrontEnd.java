package io.patchbay.launcher.storm;

import java.util.Set;

/** One way operators reach the patch manager of the running launcher: the shell over SSH, the console, JMX. */
public interface FrontEnd extends AutoCloseable {

    /** How figures and the journal name it ({@code ssh:alice}, {@code console}, {@code jmx}). */
    String name();

    /** The actor the ledger records for its operations. */
    String actor();

    /** The actions it offers (JMX offers revert and activate only). */
    Set<Action> actions();

    /**
     * Runs one action. {@code target} is a patch jar's path for {@link Action#APPLY}, an implementation id for
     * {@link Action#ACTIVATE} and {@link Action#CANARY}, else unused; {@code tag} is the reason, for the ledger.
     * Throws only when the front end itself failed (no answer, an error status): that is a failed operation.
     */
    Answer run(Action action, StormSlot slot, String target, String tag) throws Exception;
}
