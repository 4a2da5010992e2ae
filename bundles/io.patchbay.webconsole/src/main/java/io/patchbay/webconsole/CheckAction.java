package io.patchbay.webconsole;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchInspector;
import io.patchbay.api.UnknownSlotException;
import io.patchbay.api.dto.CheckDTO;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /system/console/patches/check}: the dry run of an apply, with the body apply takes (a multipart
 * upload in the part {@code patch}, or the jar as the body with {@code name}) and its optional {@code slot}. The
 * status is the one apply would answer: 200 it would apply, 409 it would change nothing (already applied), 400 it
 * would be refused (with apply's sentence), 404 the slot named does not exist, 500 a fault. The token has been
 * checked before.
 */
final class CheckAction {

    /** The plugin's path info for a check. */
    static final String PATH = "/" + PatchesPlugin.LABEL + "/check";

    /** What to answer: the HTTP status and the JSON. */
    record Answer(int status, String json) {
    }

    private final PatchInspector inspector;

    CheckAction(PatchInspector inspector) {
        this.inspector = inspector;
    }

    Answer perform(HttpServletRequest request) throws IOException, ServletException {
        Requests.Upload upload = Requests.upload(request);
        if (upload == null) {
            return refused(Outcome.BAD_REQUEST, "Send the patch jar to check: as the request body (Content-Type: "
                    + "application/java-archive) or as the multipart part '" + Requests.PATCH_PART + "'.");
        }
        try (InputStream content = upload.content()) {
            String slot = Requests.parameter(request, "slot");
            CheckDTO check = inspector.check(content, upload.name(), slot == null || slot.isBlank() ? null : slot);
            int status = CheckDTO.NONE.equals(check.action) ? Outcome.CONFLICT : Outcome.OK;
            return new Answer(status, CheckJson.answer(status, check.message, check));
        } catch (UnknownSlotException e) {
            return refused(Outcome.NOT_FOUND, e.getMessage());
        } catch (PatchException e) {
            return refused(Outcome.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            return refused(Outcome.FAILED, "The check failed unexpectedly: " + e + ".");
        }
    }

    private static Answer refused(int status, String message) {
        return new Answer(status, CheckJson.answer(status, message, null));
    }
}
