package io.patchbay.core.tracking;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;

/**
 * Apply's hand-off: a registration apply is waiting for completes its expectation instead of being routed, so
 * apply can decide. Keyed by bundle and slot: a host restarting under a fragment patch may serve several slots,
 * and only the one being patched is handed to apply; while a bundle is expected, a departing implementation of
 * it leaves its slot waiting rather than falling back.
 */
public final class Expectations {

    /**
     * @param target the slot apply is for, or {@code null} when the registration's own name decides among
     *            {@code candidates}
     * @param strict only a registration that resolves to {@code target} itself (a restarting host) is claimed;
     *            otherwise any registration of the target's first interface (a patch with a name of its own)
     */
    public record Expectation(Bundle bundle, Slot target, List<Slot> candidates, boolean strict,
            CompletableFuture<Implementation> arrival) {
    }

    private final Map<Long, List<Expectation>> byBundle = new ConcurrentHashMap<>();

    public Expectation expect(Bundle bundle, Slot target, List<Slot> candidates, boolean strict) {
        Expectation expectation = new Expectation(bundle, target, List.copyOf(candidates), strict,
                new CompletableFuture<>());
        byBundle.computeIfAbsent(bundle.getBundleId(), id -> new CopyOnWriteArrayList<>()).add(expectation);
        return expectation;
    }

    public void forget(Expectation expectation) {
        List<Expectation> list = byBundle.get(expectation.bundle().getBundleId());
        if (list != null) {
            list.remove(expectation);
            byBundle.remove(expectation.bundle().getBundleId(), List.of());
        }
    }

    boolean expects(Bundle bundle) {
        List<Expectation> list = byBundle.get(bundle.getBundleId());
        return list != null && !list.isEmpty();
    }

    /**
     * The expectation a registration of {@code primary} by {@code bundle}, resolving to {@code resolved}, meets.
     *
     * @param byHeader whether {@code resolved} comes from the patch header's {@code slot=} (which the slot an
     *            operator names overrides), not from the service's own name
     */
    Expectation claim(Bundle bundle, Class<?> primary, Slot resolved, boolean byHeader) {
        List<Expectation> list = byBundle.get(bundle.getBundleId());
        if (list == null) {
            return null;
        }
        for (Expectation expectation : list) {
            if (meets(expectation, primary, byHeader ? null : resolved) && list.remove(expectation)) {
                return expectation;
            }
        }
        return null;
    }

    /**
     * A restarting host's registration meets only its own slot's expectation. A patch's meets by interface, unless
     * its own name puts it in another slot that exists (a patch serving two slots of one interface): then it is that
     * slot's standby, not what apply waits for. One with a name no slot has ({@code resolved} null) meets.
     */
    private static boolean meets(Expectation expectation, Class<?> primary, Slot resolved) {
        if (expectation.strict()) {
            return expectation.target() == resolved;
        }
        List<Slot> slots = expectation.target() == null ? expectation.candidates() : List.of(expectation.target());
        return slots.stream().anyMatch(s -> s.type() == primary) && (resolved == null || slots.contains(resolved));
    }

    /** Every expectation of {@code bundle} fails with {@code why}. */
    void fail(Bundle bundle, String why) {
        List<Expectation> list = byBundle.remove(bundle.getBundleId());
        if (list != null) {
            list.forEach(e -> e.arrival().completeExceptionally(new IllegalStateException(why)));
        }
    }
}
