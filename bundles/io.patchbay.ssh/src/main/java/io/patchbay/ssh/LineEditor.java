package io.patchbay.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads the typed lines of an SSH terminal. With a PTY the client sends every key as it is pressed and shows only
 * what the server echoes, so this echoes printable characters, erases on Backspace/Delete, drops the line on Ctrl-C
 * or Ctrl-U, ends the session on Ctrl-D at an empty line, and skips escape sequences (arrow keys). Without a PTY
 * (a client that sends whole lines, a script) nothing is echoed.
 */
final class LineEditor {

    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;
    private static final int BACKSPACE = 8;
    private static final int CTRL_U = 21;
    private static final int ESCAPE = 27;
    private static final int DELETE = 127;

    private final Reader in;
    private final PrintStream echo;

    /** @param echo where typed characters are echoed, {@code null} for none */
    LineEditor(InputStream in, OutputStream echo) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
        this.echo = echo == null ? null : new PrintStream(echo, true, StandardCharsets.UTF_8);
    }

    /** The next line without its end, or {@code null} at the end of input (Ctrl-D, or the channel closed). */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            switch (c) {
                case -1:
                    return line.length() > 0 ? line.toString() : null;
                case CTRL_D:
                    if (line.length() == 0) {
                        return null;
                    }
                    break;
                case '\r':
                case '\n':
                    show("\n");
                    return line.toString();
                case BACKSPACE:
                case DELETE:
                    if (line.length() > 0) {
                        line.setLength(line.length() - 1);
                        show("\b \b");
                    }
                    break;
                case CTRL_C:
                    show("^C\n");
                    return "";
                case CTRL_U:
                    show("\r\u001b[K"); // the caller prompts again on the cleared line
                    return "";
                case ESCAPE:
                    skipEscapeSequence();
                    break;
                default:
                    if (c >= ' ') {
                        line.append((char) c);
                        show(String.valueOf((char) c));
                    }
            }
        }
    }

    /** An escape sequence such as ESC [ A (arrow up): its final byte is a letter or a tilde. */
    private void skipEscapeSequence() throws IOException {
        int c = in.read();
        if (c != '[' && c != 'O') {
            return;
        }
        do {
            c = in.read();
        } while (c != -1 && !Character.isLetter(c) && c != '~');
    }

    private void show(String text) {
        if (echo != null) {
            echo.print(text);
        }
    }
}
