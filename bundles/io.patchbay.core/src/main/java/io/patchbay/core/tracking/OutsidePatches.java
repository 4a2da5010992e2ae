package io.patchbay.core.tracking;

import io.patchbay.core.headers.PatchHeaders;
import io.patchbay.core.headers.StartLevels;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;

/**
 * A patch installed and started outside Patchbay (the Gogo {@code install} command, say): the route's owner switches
 * to it, unless that is stale by the time it runs (it went away, its slot retired, it is active already) or the slot
 * has a canary in progress; then it stays a standby and the log says why.
 */
final class OutsidePatches {

    private static final Logger LOG = Logger.getLogger(OutsidePatches.class.getName());

    private final BundleContext context;
    private final Switcher switcher;
    private final SlotPolicy policy;

    OutsidePatches(BundleContext context, Switcher switcher, SlotPolicy policy) {
        this.context = context;
        this.switcher = switcher;
        this.policy = policy;
    }

    /** On the owner. */
    void switchTo(Slot slot, Implementation implementation) {
        String stale = implementation.gone() ? "it went away"
                : slot.retired() ? "its slot retired"
                        : policy.canaryRunning().test(slot) ? slot.id() + " has a canary in progress"
                                : slot.active() == implementation ? "it is active already" : null;
        if (stale != null) {
            LOG.warning(implementation.id() + " was started outside Patchbay and stays a standby of " + slot.id()
                    + ": " + stale + ".");
            return;
        }
        StartLevels.startWithManager(implementation.bundle(), context.getBundle());
        String reason = PatchHeaders.reason(implementation.bundle());
        switcher.change(slot, implementation, new Switcher.Change("apply", Switcher.FRAMEWORK,
                reason == null ? "installed and started outside Patchbay" : reason, null, true));
    }
}
