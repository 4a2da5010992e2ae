package io.patchbay.shell;

import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.DiffDTO;
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
 * The commands of scope {@code patch} that look at a patch without applying it, {@code check} and {@code diff}:
 * each is one {@link PatchInspector} call, its DTO laid out by {@link InspectConverter}. A check that apply would
 * refuse throws apply's {@link io.patchbay.api.PatchException} unchanged, so a script stops at it as it would at
 * the apply ({@code gogo: PatchException: ...}); a check that would apply is an ordinary answer.
 */
@Component(service = InspectCommands.class)
@GogoCommand(scope = "patch", function = { "check", "diff" })
public class InspectCommands {

    private static final String SLOT = "slot for a released jar, or where many match";
    private static final String JAR = "patch jar: URL, or file path relative to the current directory";

    private final PatchInspector inspector;

    /** As {@link PatchCommands}: the commands exist only while the service does. */
    @Activate
    public InspectCommands(@Reference(name = "inspector", policy = ReferencePolicy.STATIC,
            cardinality = ReferenceCardinality.MANDATORY, policyOption = ReferencePolicyOption.RELUCTANT)
            PatchInspector inspector) {
        this.inspector = inspector;
    }

    @Descriptor("dry run of patch:apply: what it would do; changes nothing")
    public CheckDTO check(CommandSession session,
            @Descriptor(SLOT) @Parameter(names = { "-s", "--slot" }, absentValue = "") String slot,
            @Descriptor(JAR) String location) {
        return inspector.check(Locations.resolve(session, location), PatchCommands.given(slot));
    }

    @Descriptor("classes and methods a patch changes, or a slot's last switch")
    public DiffDTO diff(CommandSession session,
            @Descriptor(SLOT) @Parameter(names = { "-s", "--slot" }, absentValue = "") String slot,
            @Descriptor("patch jar (URL or file path), or slot: active against previous") String patchOrSlot) {
        String resolved = Locations.resolve(session, patchOrSlot);
        return isPatch(resolved) ? inspector.diff(resolved, PatchCommands.given(slot))
                : inspector.diffSlot(patchOrSlot.trim());
    }

    /** A URL, a name ending in .jar (so a missing jar gets apply's "There is no file"), or an existing file. */
    static boolean isPatch(String location) {
        if (Locations.isUrl(location) || location.toLowerCase().endsWith(".jar")) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(location));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
