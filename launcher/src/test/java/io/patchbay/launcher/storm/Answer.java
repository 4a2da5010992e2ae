package io.patchbay.launcher.storm;

/** A front end's answer to one operation: the outcome and the text it came with. */
public record Answer(Outcome outcome, String text) {

    /** A refusal must be one plain sentence: some text, no stack trace. */
    public boolean plainSentence() {
        return text != null && !text.isBlank() && !text.contains("\tat ") && !text.contains("\n    at ");
    }
}
