package io.patchbay.core.tracking;

import io.patchbay.core.slot.ApiVersions;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.ServiceIdentity;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.headers.PatchHeaders;
import io.patchbay.core.store.SavedRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * The live slots by interface class and name, and the rules that put a registration in one: its patch header's
 * {@code slot=}, else its own name (a sibling, another service of that name in the same bundle, gets a name by what
 * tells it apart, see {@link SiblingNames}), else the saved slot that knows it, else, for a patch, the only slot of
 * its interface, else a new slot.
 */
final class SlotTable {

    record Key(Class<?> type, String name) {
    }

    private final BundleContext context;
    private final Switcher switcher;
    private final LongSupplier dampingMillis;
    private final Map<Key, Slot> slots = new HashMap<>();
    /** Slot id to its number: never reused, so a number an operator read names the same slot or none. */
    private final Map<String, Integer> numbers = new HashMap<>();
    private final SiblingNames siblings = new SiblingNames();

    SlotTable(BundleContext context, Switcher switcher, LongSupplier dampingMillis) {
        this.context = context;
        this.switcher = switcher;
        this.dampingMillis = dampingMillis;
    }

    synchronized List<Slot> all() {
        return slots.values().stream().sorted(Comparator.comparing((Slot s) -> s.type().getName())
                .thenComparing(s -> Version.parseVersion(s.apiVersion())).thenComparing(Slot::name)).toList();
    }

    synchronized Slot get(Key key) {
        return slots.get(key);
    }

    /** Where a registration belongs; the slot may not exist yet. */
    synchronized Key keyFor(ServiceReference<?> reference, List<Class<?>> types, Bundle bundle) {
        Class<?> primary = types.get(0);
        String explicit = PatchHeaders.slotName(bundle, primary.getName());
        Key own = new Key(primary, explicit != null ? explicit : SiblingNames.ownName(reference));
        Slot existing = slots.get(own);
        if (existing != null) {
            return explicit == null ? siblings.place(own, existing, reference, bundle, slots::get) : own;
        }
        if (switcher.saved(Slot.idOf(primary.getName(), ApiVersions.of(primary), own.name())) != null) {
            return claimed(own, reference, bundle);
        }
        String saved = savedName(primary, Implementation.idOf(bundle), ServiceIdentity.nameOf(reference));
        if (saved != null) {
            return new Key(primary, saved);
        }
        if (explicit == null && PatchHeaders.isPatchFor(bundle, primary.getName())) {
            List<Slot> same = slots.values().stream().filter(s -> s.type() == primary).toList();
            if (same.size() == 1) {
                return new Key(primary, same.get(0).name());
            }
        }
        return claimed(own, reference, bundle);
    }

    private Key claimed(Key own, ServiceReference<?> reference, Bundle bundle) {
        siblings.claim(own, reference, bundle);
        return own;
    }

    /** The slot for {@code key}, created (with its saved route) if it is new. */
    synchronized Slot getOrCreate(Key key, List<Class<?>> types) {
        Slot slot = slots.get(key);
        if (slot == null || slot.retired()) { // retired after its last implementation went: a new one comes
            slot = new Slot(types, key.name(), ApiVersions.of(key.type()), dampingMillis);
            String id = slot.id();
            slot.publication().number(numbers.computeIfAbsent(id, given -> numbers.size() + 1));
            slots.values().removeIf(old -> old.id().equals(id) && (old.retired() || old.retireIfEmpty())); // stale API
            restore(slot);
            slots.put(key, slot);
        }
        return slot;
    }

    /** Removes the slot if it still is the one for its key; the caller unregisters its services. */
    synchronized boolean remove(Slot slot) {
        return slots.remove(new Key(slot.type(), slot.name()), slot);
    }

    private void restore(Slot slot) {
        SavedRoute saved = switcher.saved(slot.id());
        if (saved == null && slots.values().stream().noneMatch(s -> s.type() == slot.type())) {
            saved = switcher.saved(slot.type().getName() + "@" + slot.apiVersion()); // saved before slots had names
        }
        if (saved != null) {
            boolean comesBack = isInstalled(saved.active());
            slot.restore(comesBack ? saved.active() : null, saved.previous(), saved.known());
        }
    }

    /**
     * The saved slot that knows the implementation, for a service whose own name is another (a patch with another
     * component name, after a restart). Never a sibling's: a slot named {@code base} or {@code base~…} is for the
     * service of that name, not for any service of the same bundle.
     */
    private String savedName(Class<?> primary, String implementationId, String base) {
        String prefix = primary.getName() + "@" + ApiVersions.of(primary) + "#";
        for (String id : switcher.savedIds()) {
            SavedRoute route = switcher.saved(id);
            String name = id.substring(Math.min(prefix.length(), id.length()));
            boolean sibling = name.equals(base) || name.startsWith(base + "~");
            if (id.startsWith(prefix) && !sibling && route != null && route.known().contains(implementationId)) {
                return name;
            }
        }
        return null;
    }

    /**
     * Whether every bundle of an implementation id is installed: the host and each fragment patch of
     * {@code host/1.0.0+fragment/1.0.1}. Not by the host's id as of now: early in a start the host is not resolved
     * yet, so no fragment is attached, and a restored route must still wait for it.
     */
    private boolean isInstalled(String implementationId) {
        Set<String> installed = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                installed.add(Implementation.bundleId(bundle));
            }
        }
        return installed.containsAll(List.of(implementationId.split("\\+")));
    }

    synchronized List<Slot> snapshot() {
        return new ArrayList<>(slots.values());
    }
}
