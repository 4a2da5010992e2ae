package io.patchbay.core.tracking;

import io.patchbay.core.slot.ServiceIdentity;
import io.patchbay.core.slot.Slot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Names for services that one bundle registers under one name (siblings), by what tells them apart, not by who
 * registered first. Every name handed out is remembered with the bundle and the mark (role, else fingerprint, see
 * {@link ServiceIdentity}) of the service that got it, so a name goes back only to that service: when it registers
 * again it finds its own slot, and a sibling that registers first does not take it. Registration order ({@code ~N})
 * is the last resort, for siblings with equal properties; such a number is never given twice. Guarded by the
 * {@link SlotTable}'s lock.
 */
final class SiblingNames {

    private static final Logger LOG = Logger.getLogger(SiblingNames.class.getName());

    /** Who got a name: the registering bundle and the mark of its service. */
    private record Holder(long bundleId, String mark, boolean role) {
    }

    private final Map<SlotTable.Key, Holder> holders = new HashMap<>();
    /** Names whose bundle has had siblings under them: from then on even a fingerprint tells its services apart. */
    private final Set<SlotTable.Key> families = new HashSet<>();
    private final Map<SlotTable.Key, Integer> lastNumber = new HashMap<>();

    /**
     * The name a registration takes on its own: its {@link ServiceIdentity#nameOf name}, followed by its role when
     * only its bundle names it (the web console's plugins: {@code org.apache.felix.webconsole~bundles}), so it does
     * not depend on which of a bundle's services registers first.
     */
    static String ownName(ServiceReference<?> reference) {
        String role = ServiceIdentity.roleOf(reference);
        String base = ServiceIdentity.nameOf(reference);
        return ServiceIdentity.namesItself(reference) || role == null ? base : base + "~" + role;
    }

    /** A new slot's name: remembered for the service that takes it. */
    void claim(SlotTable.Key key, ServiceReference<?> reference, Bundle bundle) {
        holders.putIfAbsent(key, holderOf(reference, bundle));
    }

    /**
     * Where a registration goes whose own name is the existing slot {@code own}: there, unless a live sibling of the
     * same bundle serves it or it waits for a sibling that the mark tells apart; then a name of its own.
     */
    SlotTable.Key place(SlotTable.Key own, Slot existing, ServiceReference<?> reference, Bundle bundle,
            Function<SlotTable.Key, Slot> slots) {
        Holder holder = holders.get(own);
        Holder arriving = holderOf(reference, bundle);
        boolean another = holder != null && holder.bundleId() == arriving.bundleId()
                && !holder.mark().equals(arriving.mark())
                && (holder.role() && arriving.role() || families.contains(own));
        if (!existing.servedBy(bundle) && !another) {
            return own;
        }
        families.add(own);
        Object pid = reference.getProperty(Constants.SERVICE_PID);
        if (pid instanceof String name && !name.equals(own.name())) {
            SlotTable.Key byPid = new SlotTable.Key(own.type(), name);
            if (fits(byPid, arriving, bundle, slots)) {
                return taken(byPid, arriving);
            }
        }
        String mark = arriving.role() && !own.name().endsWith("~" + arriving.mark()) ? arriving.mark()
                : ServiceIdentity.fingerprintOf(reference);
        SlotTable.Key marked = new SlotTable.Key(own.type(), own.name() + "~" + mark);
        if (fits(marked, arriving, bundle, slots)) {
            return taken(marked, arriving);
        }
        return numbered(own, reference, bundle, arriving);
    }

    /** A name is this service's if nobody got it yet, or it did, and no live sibling serves it now. */
    private boolean fits(SlotTable.Key key, Holder arriving, Bundle bundle, Function<SlotTable.Key, Slot> slots) {
        Holder holder = holders.get(key);
        Slot slot = slots.apply(key);
        return holder == null ? slot == null : holder.equals(arriving) && (slot == null || !slot.servedBy(bundle));
    }

    private SlotTable.Key taken(SlotTable.Key key, Holder arriving) {
        holders.putIfAbsent(key, arriving);
        return key;
    }

    private SlotTable.Key numbered(SlotTable.Key own, ServiceReference<?> reference, Bundle bundle, Holder arriving) {
        int n = lastNumber.getOrDefault(own, 1);
        SlotTable.Key key;
        do {
            n++;
            key = new SlotTable.Key(own.type(), own.name() + "~" + n);
        } while (holders.containsKey(key));
        lastNumber.put(own, n);
        LOG.warning(bundle.getSymbolicName() + " registers several " + own.type().getName() + " services named "
                + own.name() + " with equal properties; service " + reference.getProperty(Constants.SERVICE_ID)
                + " is slot " + key.name() + " by registration order. Give each a patchbay.slot property for names "
                + "that survive a restart.");
        return taken(key, arriving);
    }

    private static Holder holderOf(ServiceReference<?> reference, Bundle bundle) {
        String role = ServiceIdentity.roleOf(reference);
        return new Holder(bundle.getBundleId(), role != null ? role : ServiceIdentity.fingerprintOf(reference),
                role != null);
    }
}
