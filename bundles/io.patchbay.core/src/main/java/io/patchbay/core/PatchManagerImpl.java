package io.patchbay.core;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import io.patchbay.core.canary.Buckets;
import io.patchbay.core.canary.Canaries;
import io.patchbay.core.canary.CanarySpecs;
import io.patchbay.core.patch.ApplyOperation;
import io.patchbay.core.patch.FragmentRevert;
import io.patchbay.core.patch.InstalledContent;
import io.patchbay.core.patch.SlotFit;
import io.patchbay.core.patch.OperationLock;
import io.patchbay.core.patch.Verification;
import io.patchbay.core.source.PatchSource;
import io.patchbay.core.trust.TrustedSignatures;
import io.patchbay.core.patch.Unchanged;
import io.patchbay.core.slot.PatchFragments;
import io.patchbay.core.patch.PatchJar;
import io.patchbay.core.patch.PatchTargets;
import io.patchbay.core.patch.SlotNames;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.tracking.Slots;
import io.patchbay.core.tracking.Switcher;
import io.patchbay.core.store.Ledger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The {@link PatchManager} service: names to slots, operations serialised, everything else delegated. */
final class PatchManagerImpl implements PatchManager {

    /** How long a history read waits for the framework's changes to be recorded before it answers anyway. */
    private static final long HISTORY_WAIT_MILLIS = 10_000;

    private final BundleContext context;
    private final Slots slots;
    private final Ledger ledger;
    private final Settings settings;
    private final Path incoming;
    private final ReentrantLock changes;
    private final Canaries canaries;

    PatchManagerImpl(BundleContext context, Slots slots, Ledger ledger, Settings settings, Path incoming,
            ReentrantLock changes, Canaries canaries) {
        this.context = context;
        this.changes = changes;
        this.canaries = canaries;
        this.slots = slots;
        this.ledger = ledger;
        this.settings = settings;
        this.incoming = incoming;
    }

    @Override
    public List<SlotDTO> slots() {
        Rejections rejections = Rejections.of(ledger.entries());
        return slots.all().stream().map(slot -> Dtos.slot(slot, rejections)).toList();
    }

    @Override
    public SlotDTO slot(String slot) {
        return Dtos.slot(SlotNames.find(slots.all(), slot), Rejections.of(ledger.entries()));
    }

    @Override
    public ChangeDTO apply(String location, String reason, String actor) {
        return applyTo(null, location, reason, actor);
    }

    @Override
    public ChangeDTO apply(InputStream content, String name, String reason, String actor) {
        return applyTo(null, content, name, reason, actor);
    }

    @Override
    public ChangeDTO applyTo(String slot, String location, String reason, String actor) {
        if (location == null || location.isBlank()) {
            throw new PatchException("Name the patch to apply: a file path or a URL.");
        }
        try (InputStream in = open(location.trim(), settings)) {
            return applyTo(slot, in, location.trim(), reason, actor);
        } catch (IOException e) {
            throw new PatchException("Cannot read " + location + ": " + e.getMessage() + ".", e);
        }
    }

    @Override
    public ChangeDTO applyTo(String slot, InputStream content, String name, String reason, String actor) {
        PatchJar patch = read(content, name, slot);
        try {
            return change("apply of " + name, actor, () -> {
                SlotFit.check(patch, slot, slots.all());
                InstalledContent.check(context, patch);
                PatchTargets.candidates(patch, slot, slots.all()).forEach(canaries::requireNone);
                return new ApplyOperation(context, slots, settings.applyMillis()).apply(patch, slot, reason, actor);
            });
        } finally {
            patch.delete();
        }
    }

    @Override
    public CanaryDTO canary(String slot, String location, CanarySpecDTO spec, String reason, String actor) {
        try (InputStream in = open(required(location, "Name the patch to try as a canary: a file path or a URL."),
                settings)) {
            return canary(slot, in, location.trim(), spec, reason, actor);
        } catch (IOException e) {
            throw new PatchException("Cannot read " + location + ": " + e.getMessage() + ".", e);
        }
    }

    @Override
    public CanaryDTO canary(String slot, InputStream content, String name, CanarySpecDTO spec, String reason,
            String actor) {
        PatchJar patch = read(content, name, slot);
        try {
            return change("canary of " + name, actor, () -> {
                SlotFit.check(patch, slot, slots.all());
                InstalledContent.check(context, patch);
                CanarySpecs.complete(spec, patch.id()); // a spec that makes no sense is refused before any install
                return new ApplyOperation(context, slots, settings.applyMillis()).canary(patch, slot, reason, actor,
                        (implementation, why, checksum, signer, installed) -> canaries.start(implementation.slot(),
                                implementation, CanarySpecs.complete(spec, implementation.id()), why, actor,
                                checksum, signer, installed));
            });
        } finally {
            patch.delete();
        }
    }

    @Override
    public CanaryDTO canaryOf(String slotName, String implementation, CanarySpecDTO spec, String reason,
            String actor) {
        return change("canary of " + implementation, actor, () -> {
            String name = required(implementation, "Name the standby implementation to try as a canary.");
            Slot slot = slotName == null || slotName.isBlank() ? Implementations.slotOf(slots.all(), name)
                    : SlotNames.find(slots.all(), slotName);
            return switchTo(slot, Implementations.find(slot, name), candidate -> canaries.start(slot, candidate,
                    CanarySpecs.complete(spec, candidate.id()), reason, actor, null, null, null));
        });
    }

    @Override
    public List<CanaryDTO> canaries() {
        return canaries.all();
    }

    @Override
    public CanaryDTO lastCanary(String slotName) {
        return canaries.last(SlotNames.find(slots.all(), slotName));
    }

    @Override
    public ChangeDTO promote(String slotName, String reason, String actor) {
        return change("promote of " + slotName, actor, () -> canaries.promote(SlotNames.find(slots.all(), slotName), reason, actor));
    }

    @Override
    public CanaryDTO hold(String slotName, String reason, String actor) {
        return change("hold of " + slotName, actor, () -> canaries.hold(SlotNames.find(slots.all(), slotName), reason, actor));
    }

    @Override
    public CanaryDTO resume(String slotName, String reason, String actor) {
        return change("resume of " + slotName, actor, () -> canaries.resume(SlotNames.find(slots.all(), slotName), reason, actor));
    }

    @Override
    public int bucket(String salt, String key) {
        return Buckets.of(required(salt, "Name the canary's salt (its candidate's id by default)."),
                required(key, "Name the routing key."));
    }

    private PatchJar read(InputStream content, String name, String slot) {
        boolean named = slot != null && !slot.isBlank();
        // read, parse and verify before taking the lock: a slow upload or URL never holds up another operation
        return PatchJar.read(content, incoming.resolve(UUID.randomUUID() + ".jar"), name, settings.maxBytes(),
                settings.verifying() ? new TrustedSignatures(settings.trustStore(), settings.trustStorePassword())
                        : Verification.NONE, !named);
    }

    /**
     * Runs an operation: the operation lock first (a second operator waits a bounded time and is told what is in
     * the way), then the route's owner runs it between the framework's queued changes; the caller waits for it.
     */
    private <T> T change(String operation, String actor, Supplier<T> body) {
        try (OperationLock.Held held = OperationLock.of(changes).acquire(operation, actor, settings.lockMillis())) {
            return slots.owner().call(operation, body);
        }
    }

    /** A standby about to serve that missed services while quiet is restarted first ({@code QuietStandbys}). */
    private <T> T switchTo(Slot slot, Implementation chosen, java.util.function.Function<Implementation, T> change) {
        return slots.standbys().switchTo(slot, chosen, settings.applyMillis(), change);
    }

    private static String required(String value, String sentence) {
        if (value == null || value.isBlank()) {
            throw new PatchException(sentence);
        }
        return value.trim();
    }

    @Override
    public ChangeDTO revert(String slotName, String reason, String actor) {
        return change("revert of " + slotName, actor, () -> {
            Slot slot = SlotNames.find(slots.all(), slotName);
            if (canaries.isRunning(slot)) {
                return canaries.revert(slot, "revert", reason, actor);
            }
            Switcher.Change change = new Switcher.Change("revert", actor, reason, null, false);
            Implementation active = slot.active();
            List<Bundle> fragments = active == null ? List.of() : PatchFragments.attached(active.bundle());
            if (!fragments.isEmpty()) {
                return new FragmentRevert(context, slots, settings.applyMillis()).revert(slot, active, fragments, change);
            }
            Optional<Implementation> target = slot.revertTarget();
            if (target.isEmpty()) {
                return Unchanged.of(slot, "Nothing to revert: " + slot.id() + " has no earlier implementation.");
            }
            return switchTo(slot, target.get(), next -> slots.switcher().change(slot, next, change));
        });
    }

    @Override
    public ChangeDTO activate(String slotName, String implementation, String reason, String actor) {
        return change("activate of " + implementation, actor, () -> {
            Slot slot = SlotNames.find(slots.all(), slotName);
            canaries.requireNone(slot);
            Implementation chosen = Implementations.find(slot, implementation);
            if (chosen == slot.active()) {
                return Unchanged.of(slot, chosen.id() + " is already active in " + slot.id() + "; nothing changed.");
            }
            return switchTo(slot, chosen, next -> slots.switcher().change(slot, next,
                    new Switcher.Change("activate", actor, reason, null, true)));
        });
    }

    @Override
    public PatchStatusDTO status(String patch) {
        PatchStatusDTO status = PatchStatus.of(patch, context.getBundles(), slots.all());
        status.manager = status();
        return status;
    }

    @Override
    public ManagerStatusDTO status() {
        return ManagerStatus.of(ledger.integrity(), settings.trustStore(), StatusWarnings.of(slots.all(),
                context.getBundles(), Rejections.of(ledger.entries()), settings.standbyIdleWarnMillis(),
                System.currentTimeMillis()));
    }

    @Override
    public List<LedgerEntryDTO> history(String slotName) {
        try { // a fallback already made in the route (a patch bundle uninstalled) is in the history too
            slots.owner().awaitSubmitted(HISTORY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (slotName == null || slotName.isBlank()) {
            return ledger.entries();
        }
        String id = SlotNames.find(slots.all(), slotName).id();
        return ledger.entries().stream().filter(e -> id.equals(e.slot)).toList();
    }

    /** The patch jar at a file path or a URL, as apply and its dry run ({@link PatchInspectorImpl}) read it. */
    static InputStream open(String location, Settings settings) throws IOException {
        return PatchSource.open(location, settings.connectMillis(), settings.readMillis());
    }

    static boolean matches(Bundle bundle, String name) {
        return name.equals(bundle.getSymbolicName()) || name.equals(Implementation.bundleId(bundle))
                || name.equals(String.valueOf(bundle.getBundleId()));
    }
}
