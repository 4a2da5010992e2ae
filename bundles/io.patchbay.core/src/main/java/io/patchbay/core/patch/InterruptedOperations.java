package io.patchbay.core.patch;

import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.store.Intent;
import io.patchbay.core.store.IntentFile;
import io.patchbay.core.store.Ledger;
import io.patchbay.core.store.RouteStore;
import io.patchbay.core.store.SavedRoute;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * At start, before any slot is tracked: finishes the record of every operation the container stopped in the middle
 * of. The saved routes decide what happened, since a route is saved before its ledger entry is written:
 * <ul>
 * <li>the slot's saved route is the one the operation was heading for: it took effect, and its ledger entry is
 * written now if the stop came before it;</li>
 * <li>otherwise it did not: it is recorded as {@code interrupted}, and a bundle it had installed is uninstalled
 * (it runs at the manager's start level, after this, so it never gets to register), so nothing is left half done.</li>
 * </ul>
 */
public final class InterruptedOperations {

    private static final Logger LOG = Logger.getLogger(InterruptedOperations.class.getName());

    private InterruptedOperations() {
    }

    public static void resolve(BundleContext context, IntentFile intents, RouteStore routes, Ledger ledger) {
        for (Intent intent : intents.pending()) {
            String slot = intent.slot() != null ? intent.slot()
                    : routes.ids().stream().filter(id -> intent.reached(routes.get(id).active())).findFirst()
                            .orElse(null);
            SavedRoute saved = slot == null ? null : routes.get(slot);
            if (saved != null && intent.reached(saved.active())) {
                if (!recorded(ledger, slot, intent.action(), saved.active())) {
                    ledger.append(entry(intent, intent.action(), slot, saved.active(), intent.reason()
                            + " [recorded at the next start: the container stopped after the switch, before this"
                            + " entry was written]"));
                    LOG.warning("Recorded the " + intent.action() + " of " + intent.to() + " on " + slot
                            + ", which took effect just before the container stopped");
                }
            } else {
                String stays = saved != null ? saved.active() : intent.from();
                boolean removed = uninstall(context, intent.installed(), routes);
                String sentence = intent.action() + " of " + intent.to() + " by " + intent.actor()
                        + " was cut short when the container stopped; " + (slot == null ? "no slot changed"
                                : slot + " stays on " + (stays == null ? "what it had" : stays))
                        + (removed ? ", and the bundle it had installed was removed." : ".");
                ledger.append(entry(intent, "interrupted", slot, intent.to(), sentence));
                LOG.warning(sentence);
            }
        }
        intents.resolved();
    }

    /** Whether the slot's newest entry already says it went to {@code to} by this action. */
    private static boolean recorded(Ledger ledger, String slot, String action, String to) {
        return ledger.entries().stream().filter(e -> slot.equals(e.slot)).findFirst()
                .map(e -> action.equals(e.action) && to.equals(e.to)).orElse(false);
    }

    private static boolean uninstall(BundleContext context, String location, RouteStore routes) {
        Bundle bundle = location == null ? null : context.getBundle(location);
        if (bundle == null) {
            return false;
        }
        String id = Implementation.bundleId(bundle);
        boolean routed = routes.ids().stream().map(routes::get).anyMatch(r -> ("+" + r.active() + "+")
                .contains("+" + id + "+"));
        if (routed) {
            return false;
        }
        try {
            bundle.uninstall();
            return true;
        } catch (BundleException | IllegalStateException e) {
            LOG.warning("Cannot uninstall " + location + ", left by an interrupted operation: " + e);
            return false;
        }
    }

    private static LedgerEntryDTO entry(Intent intent, String action, String slot, String to, String reason) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = intent.time();
        entry.action = action;
        entry.actor = intent.actor();
        entry.slot = slot;
        entry.from = intent.from();
        entry.to = to;
        entry.reason = reason;
        entry.checksum = intent.checksum();
        entry.signer = intent.signer();
        return entry;
    }
}
