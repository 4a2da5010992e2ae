package io.patchbay.core.inspect;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.CheckDTO;
import io.patchbay.core.patch.Admission;
import io.patchbay.core.patch.PatchJar;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.function.Consumer;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A dry run of apply on a patch jar that has been read and verified: apply's own decisions ({@link Admission}),
 * then the patch's requirements resolved against the running framework by its resolver ({@link Resolution}).
 * Whatever apply would refuse is thrown with apply's sentence; the rest is described. Installs nothing.
 */
public final class Check {

    private final BundleContext context;
    private final long applyMillis;
    private final Consumer<Slot> free;

    /**
     * @param applyMillis {@code apply.timeout.ms}, named in what a dry run cannot check
     * @param free refuses a slot apply may not change now, with apply's sentence (a canary in progress)
     */
    public Check(BundleContext context, long applyMillis, Consumer<Slot> free) {
        this.context = context;
        this.applyMillis = applyMillis;
        this.free = free;
    }

    /**
     * @param named the slot the operator names, or {@code null}
     * @param verifying whether the jar was verified against a trust store when it was read
     * @throws PatchException with apply's sentence if apply would refuse the patch
     */
    public CheckDTO of(PatchJar patch, String named, List<Slot> slots, boolean verifying) {
        Admission.Decision decision = Admission.decide(context, patch, named, slots, free);
        CheckDTO check = new CheckDTO();
        check.patch = patch.name();
        check.id = patch.id();
        check.checksum = patch.checksum();
        check.verifying = verifying;
        check.signer = patch.signer();
        Slot slot = decision.target();
        check.slot = slot == null ? null : slot.id();
        check.candidates = decision.candidates().stream().map(Slot::id).toList();
        check.replaces = slot == null ? null : slot.currentId();
        check.fragment = patch.isFragment();
        check.warnings = new ArrayList<>();
        check.wires = List.of();
        if (decision.installed() != null) {
            check.installedBundleId = decision.installed().getBundleId();
        }
        check.action = decision.applied() ? CheckDTO.NONE : decision.installed() != null && !patch.isFragment()
                ? CheckDTO.ACTIVATE : CheckDTO.INSTALL;
        if (patch.isFragment()) {
            fragment(check, patch, decision.host(), slot);
        } else {
            bundle(check, patch, decision);
        }
        check.message = message(check);
        return check;
    }

    private void bundle(CheckDTO check, PatchJar patch, Admission.Decision decision) {
        check.becomes = check.slot == null ? null : patch.id();
        if (decision.installed() != null) {
            check.resolved = true;
            check.resolution = "It is installed already (bundle " + decision.installed().getBundleId()
                    + ") and serves " + (check.action.equals(CheckDTO.NONE) ? "as the active implementation"
                            : "as a standby") + ", so it is resolved.";
            return;
        }
        resolve(check, new ManifestResource(Diffs.manifest(patch.file()), true), failure -> new PatchException(
                Admission.doesNotResolve(patch, failure)));
        check.notChecked = "Not checked without running it: whether it starts and registers an implementation of "
                + (check.slot == null ? "one of " + String.join(", ", check.candidates) : check.slot) + " within "
                + applyMillis + " ms (apply.timeout.ms).";
    }

    private void fragment(CheckDTO check, PatchJar patch, Bundle host, Slot slot) {
        check.host = Implementation.bundleId(host);
        Attributes manifest = Diffs.manifest(patch.file());
        check.hostPatchable = FragmentFit.patchable(host, patch.file(), manifest);
        if (!check.hostPatchable) {
            check.warnings.add(FragmentFit.notPatchable(host, patch));
        }
        if (check.action.equals(CheckDTO.NONE)) {
            check.becomes = slot.currentId();
            check.resolved = true;
            check.resolution = "It is attached to " + check.host + " already, so it is resolved.";
            return;
        }
        check.becomes = slot.currentId() + "+" + patch.id();
        // attached, its requirements are its host's: they must be met by the running framework as they are
        resolve(check, new ManifestResource(manifest, false), failure -> new PatchException(
                Admission.doesNotAttach(patch, host), new PatchException(failure)));
        check.notChecked = "Not checked without running it: whether " + check.host + " comes back with it, and"
                + " registers an implementation of " + check.slot + ", within " + applyMillis
                + " ms (apply.timeout.ms).";
    }

    private void resolve(CheckDTO check, ManifestResource resource,
            Function<String, PatchException> refusal) {
        Resolution.Outcome outcome;
        try {
            outcome = Resolution.of(context, resource);
        } catch (NoClassDefFoundError noResolverApi) {
            outcome = new Resolution.Outcome(false, null, List.of());
        }
        if (outcome.failure() != null) {
            throw refusal.apply(outcome.failure());
        }
        check.resolved = outcome.checked();
        check.wires = outcome.wires();
        check.resolution = !outcome.checked()
                ? "Not checked: the framework offers no resolver service (org.osgi.service.resolver.Resolver)."
                : outcome.wires().isEmpty() ? "It resolves against the running framework: it requires nothing."
                        : "It resolves against the running framework: " + outcome.wires().size()
                                + (outcome.wires().size() == 1 ? " requirement" : " requirements")
                                + " met by installed bundles.";
    }

    private static String message(CheckDTO check) {
        if (check.action.equals(CheckDTO.NONE)) {
            return check.id + " is already applied to " + check.slot + "; apply would change nothing.";
        }
        if (check.slot == null) {
            return check.patch + " would be installed and started; its registration decides which of "
                    + String.join(", ", check.candidates) + " it patches.";
        }
        String switched = check.slot + " would run " + check.becomes + " instead of "
                + (check.replaces == null ? "nothing" : check.replaces) + ".";
        if (check.action.equals(CheckDTO.ACTIVATE)) {
            return check.id + " is installed already (bundle " + check.installedBundleId + ", the same bytes): "
                    + "apply would not install it again; " + switched;
        }
        return check.fragment ? check.patch + " would be applied: " + check.host + " would be refreshed with it, and "
                + switched : check.patch + " would be applied: " + switched;
    }
}
