package io.patchbay.shell;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Job;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The Gogo commands of scope {@code patch}. Each one only translates: it turns the typed words into one
 * {@link PatchManager} call and returns what the manager answered, a DTO that {@link PatchConverter} lays out.
 * <p>
 * Failures are the manager's {@link io.patchbay.api.PatchException}, thrown on unchanged: its message is already
 * one sentence for the operator, and Gogo prints it on one line ({@code gogo: PatchException: ...}) with no stack
 * trace. Thrown, not returned as text, so that a script stops at the first failure and {@code $exception} holds
 * the trace for whoever asks (the {@code e} command of the login shell prints it).
 */
@Component(service = PatchCommands.class)
@GogoCommand(scope = "patch", function = { "patch", "list", "info", "apply", "revert", "activate", "history",
        "status" })
public class PatchCommands {

    /** The ledger's actor when the operator names none. */
    static final String SHELL = "shell";

    /**
     * The session variable that names the ledger's actor when no {@code --actor} is typed: the SSH shell
     * (io.patchbay.ssh) sets it to {@code ssh:<user>}; an operator may set it for a whole session.
     */
    static final String ACTOR_VARIABLE = "PATCHBAY_ACTOR";

    /** How many ledger entries {@code patch:info} shows. */
    static final int RECENT = 5;

    private static final String SLOT = "slot: number in patch:list, interface name, id or unique suffix";
    private static final String REASON = "why, for the ledger";
    private static final String ACTOR = "who, for the ledger (default: shell)";
    private final PatchManager manager;

    /**
     * Static and mandatory: the commands exist only while the manager does, so a typed command either reaches it
     * or Gogo says the command is not found; no half-present state to explain.
     */
    @Activate
    public PatchCommands(@Reference(name = "manager", policy = ReferencePolicy.STATIC,
            cardinality = ReferenceCardinality.MANDATORY, policyOption = ReferencePolicyOption.RELUCTANT)
            PatchManager manager) {
        this.manager = manager;
    }

    @Descriptor("lists the patch commands; type help patch:<command> for one of them")
    public String patch() {
        return String.join("\n",
                "patch:list                              managed slots, numbered",
                "patch:info <slot>                       one slot in full",
                "patch:apply <path|URL> [-r <reason>]    apply a patch: slot, from -> to",
                "patch:apply -s <slot> <path|URL>        apply a released jar to a slot",
                "patch:revert <slot> [-r <reason>]       back to the previous implementation",
                "patch:activate <slot> <implementation>  make a standby implementation active",
                "patch:history [<slot>]                  the ledger, newest first",
                "patch:status [<patch>]                  is a patch applied, and where; is the",
                "                                        ledger intact; are patches verified",
                "patch:canary [opts] <path|URL|impl>     try a patch on part of the calls",
                "patch:canary                            canaries: both arms, the verdict",
                "patch:promote|hold|resume <slot>        steer a canary (revert ends it)",
                "patch:bucket <salt> <key>               the bucket of a key in a keys canary",
                "patch:check <path|URL>                  dry run of apply: what it would do",
                "patch:diff <path|URL|slot>              classes and methods a patch changes",
                "patch:trace [-n N] [-t S] <slot>        the next calls: consumer, code, time",
                "patch:retired [-w S]                    old code collected, or what holds it",
                "A slot is its number in patch:list, its id (interface@version#name),",
                "its interface or slot name, or a unique suffix of its id.");
    }

    @Descriptor("lists the managed slots: number, id, consumers, implementations")
    public SlotDTO[] list() {
        return manager.slots().toArray(new SlotDTO[0]);
    }

    @Descriptor("shows one slot in full: implementations, consumers, revert stack, ledger")
    public SlotInfo info(@Descriptor(SLOT) String slot) {
        SlotInfo info = new SlotInfo();
        info.slot = manager.slot(slot);
        info.recent = manager.history(info.slot.id).stream().limit(RECENT).toList();
        return info;
    }

    @Descriptor("applies a patch: installs it, moves every consumer of its slot onto it")
    public ChangeDTO apply(CommandSession session,
            @Descriptor(REASON + " (default: Patchbay-Reason)")
            @Parameter(names = { "-r", "--reason" }, absentValue = "") String reason,
            @Descriptor(ACTOR) @Parameter(names = { "-a", "--actor" }, absentValue = "") String actor,
            @Descriptor("slot for a released jar, or where many match")
            @Parameter(names = { "-s", "--slot" }, absentValue = "") String slot,
            @Descriptor("patch jar: URL, or file path relative to the current directory")
            String location) {
        String resolved = Locations.resolve(session, location);
        return slot.isBlank() ? manager.apply(resolved, given(reason), actor(actor))
                : manager.applyTo(slot, resolved, given(reason), actor(actor));
    }

    @Descriptor("moves a slot back to the implementation active before the current one")
    public ChangeDTO revert(
            @Descriptor(REASON) @Parameter(names = { "-r", "--reason" }, absentValue = "") String reason,
            @Descriptor(ACTOR) @Parameter(names = { "-a", "--actor" }, absentValue = "") String actor,
            @Descriptor(SLOT) String slot) {
        return manager.revert(slot, given(reason), actor(actor));
    }

    @Descriptor("makes a standby implementation of a slot the active one")
    public ChangeDTO activate(
            @Descriptor(REASON) @Parameter(names = { "-r", "--reason" }, absentValue = "") String reason,
            @Descriptor(ACTOR) @Parameter(names = { "-a", "--actor" }, absentValue = "") String actor,
            @Descriptor(SLOT) String slot,
            @Descriptor("implementation: name/version (see patch:info) or bundle id")
            String implementation) {
        return manager.activate(slot, implementation, given(reason), actor(actor));
    }

    @Descriptor("shows the ledger of every slot, newest first")
    public LedgerEntryDTO[] history() {
        return entries(manager.history(null));
    }

    @Descriptor("shows the ledger of one slot, newest first")
    public LedgerEntryDTO[] history(@Descriptor(SLOT) String slot) {
        return entries(manager.history(slot));
    }

    @Descriptor("is a patch applied (yes or no) and where; is the ledger intact")
    public PatchStatusDTO status(
            @Descriptor("patch: bundle symbolic name, name/version, or bundle id") String patch) {
        return manager.status(patch);
    }

    @Descriptor("is the ledger intact (no entry edited); are patches verified")
    public ManagerStatusDTO status() {
        return manager.status();
    }

    /** A typed option as the manager takes it: {@code null} when left out (Gogo's absent value is ""). */
    static String given(String reason) {
        return reason == null || reason.isBlank() ? null : reason;
    }

    /** The ledger's actor: the one typed, else the session's {@value #ACTOR_VARIABLE}, else {@value #SHELL}. */
    static String actor(String actor) {
        if (actor != null && !actor.isBlank()) {
            return actor;
        }
        Job job = Job.Utils.current(); // the Gogo job running this command, null outside one
        Object named = job == null || job.session() == null ? null : job.session().get(ACTOR_VARIABLE);
        return named == null || named.toString().isBlank() ? SHELL : named.toString();
    }

    private static LedgerEntryDTO[] entries(List<LedgerEntryDTO> entries) {
        return entries.toArray(new LedgerEntryDTO[0]);
    }
}
