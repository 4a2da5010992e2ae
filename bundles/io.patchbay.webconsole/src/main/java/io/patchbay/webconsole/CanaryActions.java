package io.patchbay.webconsole;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The canary actions of a POST, translated to {@link PatchManager} calls: {@code canary} starts one (a patch jar,
 * uploaded as for {@code apply}, or the standby {@code implementation} named; {@code slot} optional; the spec in
 * the fields {@link CanarySpecForm} reads), {@code promote}, {@code hold} and {@code resume} take {@code slot}. A
 * canary ends by hand with {@code revert}, which is {@link Actions}' own. Failures are the manager's
 * {@code PatchException}s, which {@link Actions} answers; the token has been checked before.
 */
final class CanaryActions {

    private final PatchManager manager;

    CanaryActions(PatchManager manager) {
        this.manager = manager;
    }

    Outcome perform(String action, HttpServletRequest request, String reason, String actor)
            throws IOException, ServletException {
        String slot = blankToNull(Requests.parameter(request, "slot"));
        return switch (action) {
            case "canary" -> start(request, slot, reason, actor);
            case "promote" -> Outcome.of("Promoted", manager.promote(slot, reason, actor));
            case "hold" -> hold(slot, reason, actor);
            case "resume" -> resume(slot, reason, actor);
            default -> throw new IllegalArgumentException(action);
        };
    }

    private Outcome start(HttpServletRequest request, String slot, String reason, String actor)
            throws IOException, ServletException {
        String implementation = blankToNull(Requests.parameter(request, "implementation"));
        // with an implementation named, only a body that is clearly a jar counts as a second candidate
        Requests.Upload upload = implementation == null || carriesJar(request) ? Requests.upload(request) : null;
        if (implementation != null && upload != null) {
            return Outcome.badRequest("Try one candidate at a time: send a patch jar or name a standby"
                    + " implementation, not both.");
        }
        if (implementation == null && upload == null) {
            return Outcome.badRequest("Say what to try as a canary: send the patch jar (as the request body or as"
                    + " the multipart part '" + Requests.PATCH_PART + "'), or name a standby implementation"
                    + " (implementation=name/version).");
        }
        CanarySpecDTO spec = CanarySpecForm.parse(name -> Requests.parameter(request, name));
        CanaryDTO canary;
        if (upload == null) {
            canary = manager.canaryOf(slot, implementation, spec, reason, actor);
        } else {
            try (InputStream content = upload.content()) {
                canary = manager.canary(slot, content, upload.name(), spec, reason, actor);
            }
        }
        return new Outcome(Outcome.OK, "Started a canary of " + canary.candidate + " in " + canary.slot + ": "
                + routed(canary) + " (step " + canary.step + " of " + canary.stepCount + "); " + canary.baseline
                + " stays the baseline.", null, canary);
    }

    private Outcome hold(String slot, String reason, String actor) {
        CanaryDTO held = manager.hold(slot, reason, actor);
        if (!held.changed) {
            return new Outcome(Outcome.CONFLICT, "The canary of " + held.candidate + " in " + held.slot
                    + " is already holding; nothing changed.", null, held);
        }
        return new Outcome(Outcome.OK, "Holding the canary of " + held.candidate + " in " + held.slot + " at "
                + step(held) + ": the judge still reverts it if it fails, but neither steps nor promotes it.",
                null, held);
    }

    private Outcome resume(String slot, String reason, String actor) {
        CanaryDTO resumed = manager.resume(slot, reason, actor);
        if (!resumed.changed) {
            return new Outcome(Outcome.CONFLICT, "The canary of " + resumed.candidate + " in " + resumed.slot
                    + " is not holding; nothing changed.", null, resumed);
        }
        return new Outcome(Outcome.OK, "Resumed the canary of " + resumed.candidate + " in " + resumed.slot
                + " at " + step(resumed) + "; the step's window starts anew.", null, resumed);
    }

    /** What goes to the candidate, in a few words. */
    static String routed(CanaryDTO canary) {
        CanarySpecDTO spec = canary.spec;
        return switch (spec == null || spec.split == null ? CanarySpecDTO.CALLS : spec.split) {
            case CanarySpecDTO.KEYS -> percent(canary.share) + " % of routing keys go to it, sticky";
            case CanarySpecDTO.CHOSEN_KEYS -> "calls with the keys " + String.join(", ", spec.keys) + " go to it";
            case CanarySpecDTO.BUNDLES -> "every call from " + String.join(", ", spec.bundles) + " goes to it";
            default -> percent(canary.share) + " % of calls go to it";
        };
    }

    private static String step(CanaryDTO canary) {
        String split = canary.spec == null ? null : canary.spec.split;
        boolean share = split == null || CanarySpecDTO.CALLS.equals(split) || CanarySpecDTO.KEYS.equals(split);
        return "step " + canary.step + " of " + canary.stepCount + (share ? " (" + percent(canary.share) + " %)" : "");
    }

    static String percent(double share) {
        return share == Math.rint(share) ? Long.toString((long) share)
                : String.format(Locale.ROOT, "%.2f", share).replaceAll("0+$", "");
    }

    /** A multipart body (its part {@code patch}) or a body that is neither a form nor untyped. */
    private static boolean carriesJar(HttpServletRequest request) {
        return Requests.multipart(request) || request.getContentType() != null && !Requests.urlencoded(request);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
