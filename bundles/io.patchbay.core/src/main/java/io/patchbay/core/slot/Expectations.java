package io.patchbay.core.slot;

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

    /** The expectation a registration of {@code primary} by {@code bundle}, resolving to {@code resolved}, meets. */
    Expectation claim(Bundle bundle, Class<?> primary, Slot resolved) {
        List<Expectation> list = byBundle.get(bundle.getBundleId());
        if (list == null) {
            return null;
        }
        for (Expectation expectation : list) {
            boolean meets = expectation.target() == null
                    ? expectation.candidates().stream().anyMatch(s -> s.type() == primary)
                    : expectation.strict() ? expectation.target() == resolved : expectation.target().type() == primary;
            if (meets && list.remove(expectation)) {
                return expectation;
            }
        }
        return null;
    }

    /** Every expectation of {@code bundle} fails with {@code why}. */
    void fail(Bundle bundle, String why) {
        List<Expectation> list = byBundle.remove(bundle.getBundleId());
        if (list != null) {
            list.forEach(e -> e.arrival().completeExceptionally(new IllegalStateException(why)));
        }
    }
}
