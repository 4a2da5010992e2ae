package io.patchbay.webconsole;

import io.patchbay.api.dto.CheckDTO;

/**
 * The answer to a check: {@code ok} (it would apply), {@code status}, the one-sentence {@code message} (what apply
 * would do, or apply's refusal), and {@code check}, the {@code CheckDTO}'s fields by their names ({@code null}
 * when refused). Documented in {@code docs/webconsole.md}.
 */
final class CheckJson {

    record Answer(boolean ok, int status, String message, CheckDTO check) {
    }

    private CheckJson() {
    }

    static String answer(int status, String message, CheckDTO check) {
        return Json.write(new Answer(status == Outcome.OK, status, message, check));
    }
}
