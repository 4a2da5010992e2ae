package io.patchbay.core;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.DiffDTO;
import io.patchbay.api.dto.RetiredDTO;
import io.patchbay.api.dto.TraceDTO;
import io.patchbay.core.inspect.Check;
import io.patchbay.core.inspect.Diffs;
import io.patchbay.core.patch.Admission;
import io.patchbay.core.patch.PatchJar;
import io.patchbay.core.patch.SlotNames;
import io.patchbay.core.patch.Verification;
import io.patchbay.core.retire.Retirements;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.tracking.Slots;
import io.patchbay.core.trace.Traces;
import io.patchbay.core.trust.TrustedSignatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.osgi.framework.BundleContext;

/**
 * The {@link PatchInspector} service: reads a patch jar as apply reads it (same limits, same verification, into
 * the same incoming folder, deleted before returning) and hands it to the dry run or the diff. Takes no
 * operation lock: it changes nothing, so it never waits for an apply.
 */
final class PatchInspectorImpl implements PatchInspector {

    private final BundleContext context;
    private final Slots slots;
    private final Settings settings;
    private final Path incoming;
    private final Consumer<Slot> free;
    private final Traces traces;
    private final Retirements retirements;

    /** @param free refuses a slot apply may not change now, as apply does ({@code Canaries.requireNone}) */
    PatchInspectorImpl(BundleContext context, Slots slots, Settings settings, Path incoming, Consumer<Slot> free,
            Traces traces, Retirements retirements) {
        this.traces = traces;
        this.retirements = retirements;
        this.context = context;
        this.slots = slots;
        this.settings = settings;
        this.incoming = incoming;
        this.free = free;
    }

    @Override
    public CheckDTO check(String location, String slot) {
        return fromLocation(location, "check", in -> check(in, location.trim(), slot));
    }

    @Override
    public CheckDTO check(InputStream content, String name, String slot) {
        boolean verifying = settings.verifying();
        return withJar(content, name, slot, verifying, patch -> new Check(context, settings.applyMillis(), free)
                .of(patch, named(slot), slots.all(), verifying));
    }

    @Override
    public DiffDTO diff(String location, String slot) {
        return fromLocation(location, "compare", in -> diff(in, location.trim(), slot));
    }

    @Override
    public DiffDTO diff(InputStream content, String name, String slot) {
        return withJar(content, name, slot, settings.verifying(), patch -> new Diffs(context)
                .ofPatch(patch, Admission.target(context, patch, named(slot), slots.all())));
    }

    @Override
    public DiffDTO diffSlot(String slot) {
        return new Diffs(context).ofSlot(SlotNames.find(slots.all(), slot));
    }

    @Override
    public TraceDTO trace(String slot, int calls, long millis) {
        return traces.start(SlotNames.find(slots.all(), slot), calls, millis);
    }

    @Override
    public TraceDTO trace(long id, int from, long waitMillis) throws InterruptedException {
        return traces.read(id, from, waitMillis);
    }

    @Override
    public TraceDTO stopTrace(long id) {
        return traces.stop(id);
    }

    @Override
    public List<RetiredDTO> retired(long waitMillis) throws InterruptedException {
        return retirements.report(waitMillis);
    }

    /** Opens the location as apply does, with apply's sentences for what cannot be read. */
    private <T> T fromLocation(String location, String verb, Function<InputStream, T> work) {
        if (location == null || location.isBlank()) {
            throw new PatchException("Name the patch to " + verb + ": a file path or a URL.");
        }
        try (InputStream in = PatchManagerImpl.open(location.trim(), settings)) {
            return work.apply(in);
        } catch (IOException e) {
            throw new PatchException("Cannot read " + location + ": " + e.getMessage() + ".", e);
        }
    }

    /** Reads and verifies the jar as apply does (a plain bundle only for a named slot); the copy never stays. */
    private <T> T withJar(InputStream content, String name, String slot, boolean verifying,
            Function<PatchJar, T> work) {
        Verification verification = verifying
                ? new TrustedSignatures(settings.trustStore(), settings.trustStorePassword())
                : Verification.NONE;
        PatchJar patch = PatchJar.read(content, incoming.resolve(UUID.randomUUID() + ".jar"), name,
                settings.maxBytes(), verification, named(slot) == null);
        try {
            return work.apply(patch);
        } finally {
            patch.delete();
        }
    }

    private static String named(String slot) {
        return slot == null || slot.isBlank() ? null : slot;
    }
}
