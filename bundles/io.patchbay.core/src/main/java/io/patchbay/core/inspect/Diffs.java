package io.patchbay.core.inspect;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.DiffDTO;
import io.patchbay.core.patch.Admission;
import io.patchbay.core.patch.PatchJar;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.PatchFragments;
import io.patchbay.core.slot.Slot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * What code a patch, or a slot's last switch, changes: the classes of two implementations, each as its class
 * loader would find them ({@link ClassPathView}), compared by {@link ClassDiff}. An implementation is a bundle
 * with the fragment patches attached to it, as its id names them ({@code host/1.0.0+fragment/1.0.1}).
 */
public final class Diffs {

    private final BundleContext context;

    public Diffs(BundleContext context) {
        this.context = context;
    }

    /** The patch against what it would replace, or, when its slot runs it already, against what it replaced. */
    public DiffDTO ofPatch(PatchJar patch, Admission.Decision decision) {
        Slot slot = decision.target();
        if (slot == null) {
            throw new PatchException(patch.name() + " could patch " + decision.candidates().size() + " slots ("
                    + decision.candidates().stream().map(Slot::id).collect(Collectors.joining(", "))
                    + "); name one with --slot to compare it with that slot's implementation.");
        }
        Content jar = new JarContent(patch.file(), patch.id(), manifest(patch.file()));
        DiffDTO diff = new DiffDTO();
        diff.slot = slot.id();
        if (patch.isFragment()) {
            Bundle host = decision.host();
            List<Bundle> others = PatchFragments.attached(host).stream()
                    .filter(f -> !Implementation.bundleId(f).equals(patch.id())).toList();
            diff.from = Stream.concat(Stream.of(host), others.stream()).map(Implementation::bundleId)
                    .collect(Collectors.joining("+"));
            diff.to = diff.from + "+" + patch.id();
            diff.fragment = true;
            List<Content> with = new ArrayList<>(contents(others));
            with.add(jar);
            return ClassDiff.compare(view(new BundleContent(host), contents(others)),
                    view(new BundleContent(host), with), diff);
        }
        Implementation active = slot.active();
        diff.to = patch.id();
        if (decision.applied()) {
            diff.from = slot.previous().isEmpty() ? null : slot.previous().get(0);
        } else {
            diff.from = active == null ? null : active.id();
        }
        Map<String, byte[]> before = diff.from == null ? Map.of() : classesOf(slot, diff.from);
        return ClassDiff.compare(before, view(jar, List.of()), diff);
    }

    /** The slot's active implementation against the one a revert would go back to. */
    public DiffDTO ofSlot(Slot slot) {
        Implementation active = slot.active();
        if (active == null) {
            throw new PatchException(slot.id() + " has no implementation now, so there is nothing to compare.");
        }
        DiffDTO diff = new DiffDTO();
        diff.slot = slot.id();
        diff.to = active.id();
        List<String> previous = slot.previous();
        if (previous.isEmpty()) {
            diff.classes = List.of();
            diff.message = "Nothing to compare: " + slot.id() + " has no earlier implementation.";
            return diff;
        }
        diff.from = previous.get(0);
        diff.fragment = diff.from.split("\\+")[0].equals(diff.to.split("\\+")[0]);
        return ClassDiff.compare(classesOf(slot, diff.from), classesOf(slot, diff.to), diff);
    }

    /** The classes of the implementation {@code id}: its bundle with the fragments the id names. */
    private Map<String, byte[]> classesOf(Slot slot, String id) {
        List<Bundle> bundles = new ArrayList<>();
        for (String part : id.split("\\+")) {
            bundles.add(Stream.of(context.getBundles()).filter(b -> Implementation.bundleId(b).equals(part))
                    .findFirst().orElseThrow(() -> new PatchException(part + " is no longer installed, so "
                            + slot.id() + "'s implementation " + id + " cannot be compared.")));
        }
        return view(new BundleContent(bundles.get(0)), contents(bundles.subList(1, bundles.size())));
    }

    private static List<Content> contents(List<Bundle> bundles) {
        return bundles.stream().<Content>map(BundleContent::new).toList();
    }

    private static Map<String, byte[]> view(Content host, List<Content> fragments) {
        try {
            return ClassPathView.of(host, fragments);
        } catch (IOException e) {
            throw new PatchException("Cannot read the classes of " + host.id() + ": " + e.getMessage() + ".", e);
        }
    }

    static Attributes manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new PatchException("Cannot read " + jar + ": " + e.getMessage() + ".", e);
        }
    }
}
