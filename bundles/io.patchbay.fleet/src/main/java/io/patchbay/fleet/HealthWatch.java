package io.patchbay.fleet;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.SlotDTO;
import io.patchbay.api.stats.ErrorRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The health judgement of a deployment: every slot it patched must keep running the patch for the whole window,
 * and the patch's error rate must stay within what the code it replaced did. The replaced code's rate is its
 * lifetime count, taken at its upper 95 % Wilson bound, so that a clean baseline of few calls does not make a
 * single unlucky error a failure; and it takes at least {@code minErrors} errors of the patch to fail it.
 */
final class HealthWatch {

    /** How often the window looks at the counters. */
    static final long LOOK_MILLIS = 250;

    private final PatchManager manager;
    private final long minErrors;

    HealthWatch(PatchManager manager, long minErrors) {
        this.manager = manager;
        this.minErrors = minErrors;
    }

    /** One patched slot: the patch's counters when the window opened, and the replaced code's record. */
    private record Watched(String slot, String patch, long calls, long errors, String replaced, long baseCalls,
            long baseErrors) {
    }

    /**
     * Watches until the window ends (normally), the patch fails (a sentence), or {@code stop} answers true
     * (normally, the caller knows why).
     */
    void watch(List<ChangeDTO> changes, long windowMillis, BooleanSupplier stop)
            throws DeploymentException, InterruptedException {
        List<Watched> watched = new ArrayList<>();
        for (ChangeDTO change : changes) {
            SlotDTO slot = manager.slot(change.slot);
            ImplementationDTO patch = find(slot, change.to);
            ImplementationDTO replaced = find(slot, change.from);
            watched.add(new Watched(change.slot, change.to, patch == null ? 0 : patch.calls,
                    patch == null ? 0 : patch.errors, change.from, replaced == null ? 0 : replaced.calls,
                    replaced == null ? 0 : replaced.errors));
        }
        long end = System.currentTimeMillis() + windowMillis;
        while (true) {
            for (Watched each : watched) {
                judge(each);
            }
            long left = end - System.currentTimeMillis();
            if (left <= 0 || stop.getAsBoolean()) {
                return;
            }
            Thread.sleep(Math.min(LOOK_MILLIS, left));
        }
    }

    private void judge(Watched watched) throws DeploymentException {
        SlotDTO slot;
        try {
            slot = manager.slot(watched.slot());
        } catch (RuntimeException gone) {
            throw new DeploymentException(watched.slot() + " is gone: " + gone.getMessage(), gone);
        }
        String active = slot == null || slot.active == null ? null : slot.active.id;
        if (!watched.patch().equals(active)) {
            throw new DeploymentException(watched.slot() + " no longer runs " + watched.patch() + " (it runs "
                    + (active == null ? "nothing" : active) + ").");
        }
        long calls = slot.active.calls - watched.calls();
        long errors = slot.active.errors - watched.errors();
        String failure = verdict(watched.patch(), calls, errors, watched.replaced(), watched.baseCalls(),
                watched.baseErrors(), minErrors);
        if (failure != null) {
            throw new DeploymentException(failure + " on " + watched.slot() + ".");
        }
    }

    /** {@code null} when the patch is within the replaced code's rate, else what it did, without the slot. */
    static String verdict(String patch, long calls, long errors, String replaced, long baseCalls,
            long baseErrors, long minErrors) {
        if (errors < Math.max(1, minErrors) || calls == 0) {
            return null;
        }
        double rate = (double) errors / calls;
        double bound = ErrorRates.wilsonUpper(baseErrors, baseCalls); // 0 without calls: minErrors decide
        if (rate <= bound) {
            return null;
        }
        return String.format(Locale.ROOT, "%s failed %d of %d calls (%.1f %%), more than %s's %.1f %% of %d"
                + " calls (at most %.1f %% by its 95 %% bound)", patch, errors, calls, 100 * rate,
                replaced == null ? "the replaced code" : replaced,
                baseCalls == 0 ? 0 : 100.0 * baseErrors / baseCalls, baseCalls, 100 * bound);
    }

    private static ImplementationDTO find(SlotDTO slot, String id) {
        if (slot == null || id == null) {
            return null;
        }
        return Stream.concat(Stream.ofNullable(slot.active), slot.standby == null ? Stream.empty()
                : slot.standby.stream()).filter(each -> id.equals(each.id)).findFirst().orElse(null);
    }
}
