package io.patchbay.ssh;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Output to an SSH terminal (a channel with a PTY): a line feed becomes carriage return and line feed, as a local
 * terminal's driver would do it, and every write is flushed so that prompts and echoes show at once.
 */
final class TerminalOutput extends FilterOutputStream {

    private final boolean terminal;

    /** @param terminal whether the client asked for a PTY; without one, bytes pass unchanged */
    TerminalOutput(OutputStream out, boolean terminal) {
        super(out);
        this.terminal = terminal;
    }

    @Override
    public void write(int b) throws IOException {
        if (terminal && b == '\n') {
            out.write('\r');
        }
        out.write(b);
        out.flush();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (terminal && bytes[i] == '\n') {
                out.write(bytes, start, i - start);
                out.write('\r');
                start = i;
            }
        }
        out.write(bytes, start, offset + length - start);
        out.flush();
    }
}
