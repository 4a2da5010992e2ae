package io.patchbay.itest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/**
 * A real Gogo console: gogo.shell's {@code gosh}, fed a typed line, prints exactly what an operator at the
 * {@code g!} prompt would see, results through the converters and failures as gosh reports them.
 */
public final class Gosh {

    private static final String PROMPT = "g! ";

    private final CommandProcessor processor;

    public Gosh(CommandProcessor processor) {
        this.processor = processor;
    }

    /** What the console prints after {@code line} is typed, without the prompts before and after it. */
    public String type(String line) throws Exception {
        ByteArrayInputStream keyboard = new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (CommandSession session = processor.createSession(keyboard, screen, screen)) {
            // interactive and not a login shell: a console on these streams that ends with the input
            session.execute("gosh");
        }
        String text = screen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (!text.startsWith(PROMPT) || !text.endsWith(PROMPT)) {
            throw new AssertionError("Not a console transcript: " + text);
        }
        String output = text.substring(PROMPT.length(), text.length() - PROMPT.length());
        return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
    }
}
