package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.PatchFragments;
import io.patchbay.core.slot.Slot;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The decisions apply makes about a read patch jar before it installs anything, in apply's order and with apply's
 * own code (the same sentences): a jar that cannot implement the slot named, the same name and version installed
 * with other bytes, the slot it is for, a
 * fragment's host, whether it is installed or applied already. A dry run makes them the same way; apply itself
 * makes them inside its operation ({@code PatchManagerImpl}, {@link ApplyOperation}, {@link FragmentApply}).
 */
public final class Admission {

    /**
     * What apply would do, as far as it can be known without installing.
     *
     * @param target the slot, or {@code null} when the patch's registration decides among {@code candidates}
     * @param installed the installed bundle with the patch's name, version and bytes, or {@code null}
     * @param applied whether the patch is applied already (apply would change nothing)
     * @param host a fragment patch's host (the target's active implementation), or {@code null}
     */
    public record Decision(Slot target, List<Slot> candidates, Bundle installed, boolean applied, Bundle host) {
    }

    private Admission() {
    }

    /**
     * @param named the slot the operator names, or {@code null}
     * @param free refuses a slot apply may not change now (one with a canary in progress), as apply does
     * @throws PatchException with apply's sentence where apply would refuse the patch before installing it
     */
    public static Decision decide(BundleContext context, PatchJar patch, String named, List<Slot> all,
            Consumer<Slot> free) {
        SlotFit.check(patch, named, all);
        InstalledContent.check(context, patch);
        PatchTargets.Choice choice = PatchTargets.choose(patch, named, all);
        choice.candidates().forEach(free);
        Bundle installed = Installs.installed(context, patch);
        if (patch.isFragment()) {
            Slot slot = choice.target();
            Bundle host = FragmentApply.host(context, patch, slot, slot.active());
            return new Decision(slot, choice.candidates(), installed, FragmentApply.alreadyAttached(context, patch,
                    host), host);
        }
        if (installed == null) {
            return new Decision(choice.target(), choice.candidates(), null, false, null);
        }
        InstalledPatch found = InstalledPatch.find(patch, choice.candidates(), installed);
        return new Decision(found.slot(), List.of(found.slot()), installed, found.applied(), null);
    }

    /**
     * The slot a patch is for, and its implementation now, for comparing code: as {@link #decide} without the
     * refusals that are about installing (the same version with other bytes); {@code applied} tells whether the
     * slot runs the installed patch (or its host has it attached) already.
     */
    public static Decision target(BundleContext context, PatchJar patch, String named, List<Slot> all) {
        PatchTargets.Choice choice = PatchTargets.choose(patch, named, all);
        Bundle installed = Installs.installed(context, patch);
        if (patch.isFragment()) {
            Slot slot = choice.target();
            Bundle host = FragmentApply.host(context, patch, slot, slot.active());
            boolean attached = PatchFragments.attached(host).stream()
                    .anyMatch(f -> Implementation.bundleId(f).equals(patch.id()));
            return new Decision(slot, choice.candidates(), installed, attached, host);
        }
        Slot running = installed == null ? null : choice.candidates().stream()
                .filter(s -> s.active() != null && s.active().bundle().equals(installed)).findFirst().orElse(null);
        return new Decision(running != null ? running : choice.target(), choice.candidates(), installed,
                running != null, null);
    }

    /** Apply's sentence for a patch bundle that does not resolve, from the resolver's explanation. */
    public static String doesNotResolve(PatchJar patch, String explanation) {
        return StartFailures.explain(patch.name(), new BundleException(explanation, BundleException.RESOLVE_ERROR));
    }

    /** Apply's sentence for a fragment patch that does not attach to its host. */
    public static String doesNotAttach(PatchJar patch, Bundle host) {
        return FragmentApply.notAttached(patch, host);
    }
}
