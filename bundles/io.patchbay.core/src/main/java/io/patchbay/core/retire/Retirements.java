package io.patchbay.core.retire;

import io.patchbay.api.dto.RetiredDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Every implementation that became active, with a weak reference to its class loader (told by the switcher as it
 * routes), and the answer to "fully retired?" for each: collected, still active or installed, or held, and by
 * what ({@link Holders}). At most {@link #LIMIT} are kept: beyond it the oldest collected one goes (else the oldest).
 */
public final class Retirements implements Consumer<Implementation> {

    static final int LIMIT = 512;
    private static final long MAX_WAIT_MILLIS = 60_000;
    private static final long GC_PAUSE_MILLIS = 50;

    private final BundleContext context;
    private final Supplier<List<Slot>> slots;
    private final List<Retiree> retirees = new ArrayList<>(); // guarded by this

    public Retirements(BundleContext context, Supplier<List<Slot>> slots) {
        this.context = context;
        this.slots = slots;
    }

    /** {@code implementation} is the route of its slot now. */
    @Override
    public void accept(Implementation implementation) {
        Bundle bundle = implementation.bundle();
        if (bundle == null) {
            return; // unregistered since it was routed (a departure during a switch): the route moves on from it
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring != null ? wiring.getClassLoader() : null;
        if (loader == null) {
            loader = implementation.target.getClass().getClassLoader(); // a class of the bundle
        }
        if (loader == null) {
            return;
        }
        synchronized (this) {
            for (Retiree known : retirees) {
                if (known.same(implementation.id(), bundle.getBundleId(), loader)) {
                    return;
                }
            }
            if (retirees.size() >= LIMIT) {
                int oldestCollected = indexOfFirstCollected();
                retirees.remove(oldestCollected >= 0 ? oldestCollected : 0);
            }
            retirees.add(new Retiree(implementation.id(), implementation.slot().id(), bundle, loader,
                    classes(wiring), System.currentTimeMillis()));
        }
    }

    private int indexOfFirstCollected() {
        for (int i = 0; i < retirees.size(); i++) {
            if (retirees.get(i).collected()) {
                return i;
            }
        }
        return -1;
    }

    /** Waits up to {@code waitMillis} for retired loaders to be collected, then reports on each. */
    public List<RetiredDTO> report(long waitMillis) throws InterruptedException {
        List<Retiree> all;
        synchronized (this) {
            all = List.copyOf(retirees);
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, Math.min(waitMillis,
                MAX_WAIT_MILLIS)));
        while (waiting(all)) {
            System.gc(); // a request: the loop ends at the deadline either way
            if (System.nanoTime() - end >= 0) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(GC_PAUSE_MILLIS);
        }
        List<Slot> live = slots.get();
        List<RetiredDTO> report = new ArrayList<>();
        for (Retiree retiree : all) {
            report.add(dto(retiree, live));
        }
        return report;
    }

    private boolean waiting(List<Retiree> all) {
        for (Retiree retiree : all) {
            if (!retiree.collected() && retiree.retired(context)) {
                return true;
            }
        }
        return false;
    }

    private RetiredDTO dto(Retiree retiree, List<Slot> live) {
        RetiredDTO dto = new RetiredDTO();
        dto.implementation = retiree.implementation;
        dto.slot = retiree.slot;
        dto.bundleId = retiree.bundleId;
        dto.location = retiree.location;
        dto.activeSince = retiree.activeSince;
        dto.holders = List.of();
        if (retiree.collected()) {
            dto.state = RetiredDTO.COLLECTED;
            dto.collected = true;
            dto.message = "Fully retired: its class loader was collected.";
        } else if (!retiree.retired(context)) {
            boolean active = live.stream().anyMatch(s -> s.active() != null
                    && s.active().id().equals(retiree.implementation) && s.active().bundle() != null
                    && s.active().bundle().getBundleId() == retiree.bundleId);
            dto.state = active ? RetiredDTO.ACTIVE : RetiredDTO.INSTALLED;
            dto.message = active ? "Active in " + retiree.slot + "." : "Not retired: bundle " + retiree.bundleId
                    + " is still installed; revert, uninstall and refresh it to retire it.";
        } else {
            dto.state = RetiredDTO.HELD;
            dto.holders = Holders.of(retiree, context, live);
            dto.message = "Not collected: its class loader is still reachable " + (dto.holders.isEmpty()
                    ? "through nothing Patchbay can name (a heap dump would tell)."
                    : "through " + (dto.holders.size() == 1 ? "1 holder" : dto.holders.size() + " holders")
                            + " named below.");
        }
        return dto;
    }

    /** The bundle's own class names, read once while it is active. */
    private static Set<String> classes(BundleWiring wiring) {
        Set<String> names = new HashSet<>();
        if (wiring == null) {
            return names;
        }
        for (String resource : wiring.listResources("/", "*.class",
                BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL)) {
            names.add(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
        }
        return names;
    }
}
