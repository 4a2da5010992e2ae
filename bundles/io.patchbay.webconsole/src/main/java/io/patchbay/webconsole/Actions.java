package io.patchbay.webconsole;

import io.patchbay.api.PatchException;
import io.patchbay.api.UnknownSlotException;
import io.patchbay.api.PatchManager;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * The actions a POST can ask for, translated to {@link PatchManager} calls: {@code apply} (the jar in the
 * body), {@code revert} ({@code slot}) and {@code activate} ({@code slot}, {@code implementation}), and the
 * canary actions of {@link CanaryActions}, each with an optional {@code reason} (a form field or header, never the
 * query). The token has been checked before.
 */
final class Actions {

    private final PatchManager manager;

    Actions(PatchManager manager) {
        this.manager = manager;
    }

    Outcome perform(HttpServletRequest request, String actor) throws IOException, ServletException {
        String action = Requests.parameter(request, "action");
        if (action == null || action.isBlank()) {
            return Outcome.badRequest("Say what to do: action=apply, revert, activate, canary, promote, hold or"
                    + " resume.");
        }
        String reason = Requests.reason(request);
        try {
            return switch (action.trim()) {
                case "apply" -> apply(request, reason, actor);
                case "revert" -> Outcome.of("Reverted to",
                        manager.revert(Requests.parameter(request, "slot"), reason, actor));
                case "activate" -> Outcome.of("Activated", manager.activate(Requests.parameter(request, "slot"),
                        Requests.parameter(request, "implementation"), reason, actor));
                case "canary", "promote", "hold", "resume" ->
                        new CanaryActions(manager).perform(action.trim(), request, reason, actor);
                default -> Outcome.badRequest("Unknown action '" + action.trim()
                        + "': use apply, revert, activate, canary, promote, hold or resume.");
            };
        } catch (UnknownSlotException e) {
            return Outcome.notFound(e.getMessage());
        } catch (PatchException e) {
            return Outcome.badRequest(e.getMessage());
        }
    }

    private Outcome apply(HttpServletRequest request, String reason, String actor)
            throws IOException, ServletException {
        Requests.Upload upload = Requests.upload(request);
        if (upload == null) {
            return Outcome.badRequest("Send the patch jar: as the request body (Content-Type: "
                    + "application/java-archive) or as the multipart part '" + Requests.PATCH_PART + "'.");
        }
        try (InputStream content = upload.content()) {
            String slot = Requests.parameter(request, "slot");
            return Outcome.of("Applied", slot == null || slot.isBlank()
                    ? manager.apply(content, upload.name(), reason, actor)
                    : manager.applyTo(slot, content, upload.name(), reason, actor));
        }
    }
}
