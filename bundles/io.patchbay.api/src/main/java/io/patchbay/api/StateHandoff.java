package io.patchbay.api;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opt-in handoff of a managed service's in-memory state from the implementation that leaves its slot to the one
 * that takes over: implement it on the service object (the one registered with {@code patchbay.managed=true}).
 * <p>
 * <b>When.</b> On every recorded switch of a slot (apply, activate, revert, a canary's promotion) whose leaving and
 * arriving service objects both implement this interface, Patchbay holds new calls (they wait, as while a bundle is
 * refreshed, at most the damping timeout), waits until no call runs in the leaving one, carries its bundle's data
 * area, then calls {@link #exportState()} on the leaving one and {@link #importState(Map)} on the arriving one, and
 * only then routes the held calls to the arriving one. So every update made before the switch is in what is
 * exported, and none made after it is: nothing is lost or applied twice. Both run on one Patchbay thread, one after
 * the other, never concurrently with a call of this slot.
 * <p>
 * <b>Failure.</b> Both together are bounded by the drain timeout ({@code drain.timeout.ms}). If either throws or
 * does not return in time, the switch is refused with one sentence and the leaving implementation keeps serving
 * with its state; the arriving one stays a standby. {@code exportState} must therefore not change the state.
 * <p>
 * <b>What to hand over.</b> The two implementations are different bundles, with different class loaders: hand over
 * only JDK types (numbers, strings, booleans, {@code byte[]}, and lists and maps of these), never a class of your
 * own bundle. The map is the leaving implementation's and is only read by the arriving one.
 * <p>
 * <b>Canaries.</b> A canary runs two implementations side by side, each with its own state: the calls of the
 * candidate's share change only the candidate's. So a canary between two implementations that both implement this
 * interface is refused, unless both registrations declare {@link PatchbayConstants#STATE_SHAREABLE}{@code =true}:
 * then, at the promotion, the baseline's state is handed to the candidate (replacing what the candidate's share of
 * calls changed in it), and at the canary's end the baseline keeps serving with its own.
 * <p>
 * The object handed off is the one Patchbay obtains from the registration: for a DS component of the default scope
 * (and any singleton service) the one instance every consumer shares. A prototype-scoped service is not handed off:
 * each consumer has an object, and a state, of its own.
 *
 * @since 1.7
 */
@ConsumerType
public interface StateHandoff {

    /**
     * The state to hand over, called on the leaving implementation once no call runs in it.
     *
     * @return a map of JDK types; {@code null} is handed over as an empty map
     */
    Map<String, Object> exportState();

    /**
     * Takes over the state that the leaving implementation exported, before any call reaches this one. Throw to
     * refuse the switch: the leaving implementation keeps serving.
     *
     * @param state what {@link #exportState()} returned, read-only
     */
    void importState(Map<String, Object> state);
}
