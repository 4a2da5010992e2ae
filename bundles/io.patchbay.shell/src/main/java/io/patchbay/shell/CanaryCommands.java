package io.patchbay.shell;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ChangeDTO;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The canary commands of scope {@code patch}: start one, watch both arms, and promote, hold, resume or (with
 * {@code patch:revert}) end it. Like {@link PatchCommands}, each turns the typed words into one
 * {@link PatchManager} call; failures are its one-sentence exceptions.
 */
@Component(service = CanaryCommands.class)
@GogoCommand(scope = "patch", function = { "canary", "promote", "hold", "resume", "bucket" })
public class CanaryCommands {

    private static final String SLOT = "slot: number in patch:list, interface name, id or unique suffix";
    private static final String REASON = "why, for the ledger";
    private static final String ACTOR = "who, for the ledger (default: shell)";
    private final PatchManager manager;

    @Activate
    public CanaryCommands(@Reference(name = "manager", policy = ReferencePolicy.STATIC,
            cardinality = ReferenceCardinality.MANDATORY, policyOption = ReferencePolicyOption.RELUCTANT)
            PatchManager manager) {
        this.manager = manager;
    }

    @Descriptor("shows every canary in progress: both arms side by side and the judge's verdict")
    public CanaryDTO[] canary() {
        return manager.canaries().toArray(new CanaryDTO[0]);
    }

    @Descriptor("tries a patch on part of a slot's calls, judged against the active implementation")
    public CanaryDTO canary(CommandSession session,
            @Descriptor("calls (random share, default), keys (sticky share), chosen-keys or bundles")
            @Parameter(names = { "--split" }, absentValue = "") String split,
            @Descriptor("shares in percent, comma-separated (default 1,5,25,50; 100 % is the promotion)")
            @Parameter(names = { "--steps" }, absentValue = "") String steps,
            @Descriptor("the keys of a chosen-keys split, comma-separated")
            @Parameter(names = { "--keys" }, absentValue = "") String keys,
            @Descriptor("the consumer bundles (symbolic names) of a bundles split, comma-separated")
            @Parameter(names = { "--bundles" }, absentValue = "") String bundles,
            @Descriptor("judge and step settings: name=value,... with CanarySpecDTO's field names, e.g."
                    + " minStepMillis=60000,minCalls=500,alpha=0.01,autoPromote=false")
            @Parameter(names = { "--judge" }, absentValue = "") String judge,
            @Descriptor("slot, where several match or for an implementation")
            @Parameter(names = { "-s", "--slot" }, absentValue = "") String slot,
            @Descriptor(REASON) @Parameter(names = { "-r", "--reason" }, absentValue = "") String reason,
            @Descriptor(ACTOR) @Parameter(names = { "-a", "--actor" }, absentValue = "") String actor,
            @Descriptor("patch jar (URL or file path), or a standby implementation (name/version)")
            String candidate) {
        CanarySpecDTO spec = CanarySpecText.parse(split, steps, keys, bundles, judge);
        String named = PatchCommands.given(slot);
        if (isJar(session, candidate)) {
            return manager.canary(named, Locations.resolve(session, candidate), spec, PatchCommands.given(reason),
                    PatchCommands.actor(actor));
        }
        return manager.canaryOf(named, candidate, spec, PatchCommands.given(reason), PatchCommands.actor(actor));
    }

    @Descriptor("ends a slot's canary by making its candidate the active implementation")
    public ChangeDTO promote(
            @Descriptor(REASON) @Parameter(names = { "-r", "--reason" }, absentValue = "") String reason,
            @Descriptor(ACTOR) @Parameter(names = { "-a", "--actor" }, absentValue = "") String actor,
            @Descriptor(SLOT) String slot) {
        return manager.promote(slot, PatchCommands.given(reason), PatchCommands.actor(actor));
    }

    @Descriptor("keeps a slot's canary at its step: still reverted on failure, never stepped or promoted")
    public CanaryDTO hold(
            @Descriptor(REASON) @Parameter(names = { "-r", "--reason" }, absentValue = "") String reason,
            @Descriptor(ACTOR) @Parameter(names = { "-a", "--actor" }, absentValue = "") String actor,
            @Descriptor(SLOT) String slot) {
        return manager.hold(slot, PatchCommands.given(reason), PatchCommands.actor(actor));
    }

    @Descriptor("lets a held canary walk its steps again")
    public CanaryDTO resume(
            @Descriptor(REASON) @Parameter(names = { "-r", "--reason" }, absentValue = "") String reason,
            @Descriptor(ACTOR) @Parameter(names = { "-a", "--actor" }, absentValue = "") String actor,
            @Descriptor(SLOT) String slot) {
        return manager.resume(slot, PatchCommands.given(reason), PatchCommands.actor(actor));
    }

    @Descriptor("tells the bucket (0-9999) of a routing key under a canary's salt, and the shares it is in")
    public String bucket(@Descriptor("the canary's salt (its candidate's id unless set)") String salt,
            @Descriptor("the routing key, e.g. a tenant") String key) {
        int bucket = manager.bucket(salt, key);
        return "bucket " + bucket + ": " + key + " is in a keys canary of salt " + salt + " from "
                + CanaryText.percent((bucket + 1) / 100.0) + " % up";
    }

    /** A URL, a file that exists, or a name ending in .jar; anything else names an implementation. */
    private static boolean isJar(CommandSession session, String candidate) {
        String trimmed = candidate.trim();
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") || trimmed.endsWith(".jar")) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(Locations.resolve(session, trimmed)));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
