package io.patchbay.api;

import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.io.InputStream;
import java.util.List;

/**
 * Moves every consumer of a managed service onto a patched implementation, and back, while the program keeps
 * serving.
 * <p>
 * <b>Slots.</b> A slot is one service as consumers see it, followed across the implementations that replace each
 * other: an interface class (the interface name plus the version of the package that exports it) and the
 * service's name ({@link PatchbayConstants#SLOT_PROPERTY}, else its component name, PID or bundle), for example
 * {@code com.example.pricing.api.PriceService@1.0.0#pricing}. Two live services of one interface are two slots.
 * Consumers of a managed slot hold a facade registered by the manager under every interface of the service, with
 * the active implementation's properties and scope; the facade forwards each call to the slot's active
 * implementation. Wherever a method takes a slot, it accepts the slot id, the interface name or the slot name when
 * only one slot has it, a unique suffix of the id or of the id without its name ({@code PriceService@1.0.0}), or
 * the slot's 1-based number in {@link #slots()} (which changes when slots come and go). An unknown or ambiguous
 * name throws {@link UnknownSlotException}, listing the slots.
 * <p>
 * <b>Guarantees.</b> A switch (apply, revert, activate) replaces the route atomically: a call that starts after
 * the method returns is answered by the new implementation; calls already running finish on the old one, and the
 * method waits (bounded by the configured drain timeout) until they have, reporting whether they did. Consumers
 * are never stopped, restarted or re-injected. Every switch is written to the ledger and the routes are saved
 * before the method returns, so they survive a restart.
 * <p>
 * <b>Failure.</b> An operation that cannot be done throws {@link PatchException} with one plain sentence, and
 * leaves bundles and routes exactly as they were: apply uninstalls whatever it installed. Asking for what is
 * already so (applying an applied patch, reverting a slot with nothing to revert) is not a failure: it returns a
 * {@link ChangeDTO} with {@code changed == false} and a message saying so.
 * <p>
 * <b>Threading.</b> All methods are thread safe. Operations that change routes are serialised; reads never block
 * behind them for long.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PatchManager {

    /** Every managed slot, in a stable order: by interface name, then by API version (as versions, not text). */
    List<SlotDTO> slots();

    /**
     * One slot.
     *
     * @param slot slot id, interface name or unique suffix
     * @throws PatchException if no slot, or more than one, matches; the message lists the candidates
     */
    SlotDTO slot(String slot);

    /**
     * Installs the patch bundle at {@code location} (a file path or a URL), starts it, waits for its
     * implementation and moves every consumer of its target slot onto it.
     *
     * @param location file path or URL of the patch jar
     * @param reason why, for the ledger; {@code null} takes the patch's {@code Patchbay-Reason} header
     * @param actor who, for the ledger
     * @return what changed: slot, from, to
     * @throws PatchException on any failure before the switch; nothing stays installed
     */
    ChangeDTO apply(String location, String reason, String actor);

    /**
     * As {@link #apply(String, String, String)}, reading the patch jar from a stream (an upload).
     *
     * @param name a name for the upload, used in messages
     */
    ChangeDTO apply(InputStream patch, String name, String reason, String actor);

    /**
     * As {@link #apply(String, String, String)} for the slot the operator names: the jar needs no
     * {@code Patchbay-Patch} header, so a released third-party bundle (another version of the bundle that
     * implements the slot) is applied, recorded and reverted like a patch. Its service must be registered under
     * every interface of the slot.
     *
     * @param slot the slot, named as everywhere else; {@code null} behaves as {@link #apply(String, String, String)}
     */
    ChangeDTO applyTo(String slot, String location, String reason, String actor);

    /** As {@link #applyTo(String, String, String, String)}, reading the jar from a stream (an upload). */
    ChangeDTO applyTo(String slot, InputStream patch, String name, String reason, String actor);

    /**
     * Moves the slot back to the implementation that was active before the current one. The implementation
     * reverted from stays installed as a standby. During a canary it ends the canary: every call goes to the
     * baseline again (ledger {@code revert}, from the candidate).
     */
    ChangeDTO revert(String slot, String reason, String actor);

    /**
     * Makes a standby implementation the active one.
     *
     * @param implementation the implementation's bundle symbolic name and version ({@code name/1.0.1}), bundle id
     *            or service id, as {@link io.patchbay.api.dto.ImplementationDTO#id} shows it
     */
    ChangeDTO activate(String slot, String implementation, String reason, String actor);

    /**
     * Starts a canary instead of an apply: installs the patch at {@code location} as {@link #applyTo} does, but
     * the active implementation stays the baseline and only the share of calls, keys or consumers the spec names
     * goes to the patch, while the judge compares the two. The canary walks its steps and promotes the candidate
     * (ledger {@code promote}) or reverts it (ledger {@code auto-revert}, with the statistics that decided); the
     * operator can {@link #promote}, {@link #hold}, {@link #resume} or {@link #revert} at any moment. A restart
     * ends a canary on its baseline (ledger {@code interrupted}), removing a candidate the canary had installed.
     *
     * @param slot the slot, or {@code null} to go by the patch's header as apply does
     * @param spec the split and the judge's thresholds; {@code null} for a call share with every default
     * @return the canary as it starts
     * @since 1.4
     */
    CanaryDTO canary(String slot, String location, CanarySpecDTO spec, String reason, String actor);

    /** As {@link #canary(String, String, CanarySpecDTO, String, String)}, reading the patch from a stream. @since 1.4 */
    CanaryDTO canary(String slot, InputStream patch, String name, CanarySpecDTO spec, String reason, String actor);

    /** A canary of a standby implementation that is already installed ({@code name/version}, bundle or service id). @since 1.4 */
    CanaryDTO canaryOf(String slot, String implementation, CanarySpecDTO spec, String reason, String actor);

    /** Every canary running or holding, with both arms and the judge's current verdict. @since 1.4 */
    List<CanaryDTO> canaries();

    /**
     * The slot's canary: the one running or holding, else the last one that ended since the manager started, with
     * how it ended ({@link CanaryDTO#outcome}, {@link CanaryDTO#outcomeReason}) and both arms as the judge last saw
     * them; {@code null} when the slot had none. How a caller that started a canary learns whether it was promoted.
     *
     * @since 1.6
     */
    CanaryDTO lastCanary(String slot);

    /** Ends the slot's canary by making its candidate the active implementation (ledger {@code promote}). @since 1.4 */
    ChangeDTO promote(String slot, String reason, String actor);

    /** Keeps the slot's canary at its current step: the judge still reverts on failure, but no longer steps or promotes. @since 1.4 */
    CanaryDTO hold(String slot, String reason, String actor);

    /** Lets a held canary walk its steps again (a held step starts its window anew). @since 1.4 */
    CanaryDTO resume(String slot, String reason, String actor);

    /**
     * The bucket, 0 to 9,999, that a key split puts {@code key} in for a canary with this salt: a key is in a
     * share of {@code s} percent when its bucket is below {@code s * 100}.
     *
     * @since 1.4
     */
    int bucket(String salt, String key);

    /**
     * Whether a patch is applied, and where.
     *
     * @param patch bundle symbolic name, {@code name/version}, or bundle id of the patch
     * @return the answer, with {@link PatchStatusDTO#manager} filled as {@link #status()} answers
     */
    PatchStatusDTO status(String patch);

    /**
     * The manager's own state: whether the ledger proves itself (an entry edited after it was written is named
     * here, and never stops the manager) and whether patches must be signed by a trusted certificate.
     *
     * @since 1.3
     */
    ManagerStatusDTO status();

    /**
     * The ledger, newest first.
     *
     * @param slot only this slot's entries, or {@code null} for all
     */
    List<LedgerEntryDTO> history(String slot);
}
