package io.patchbay.ssh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class LineEditorTest {

    @Test
    public void echoesWhatIsTypedAndErasesOnBackspaceOverATerminal() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        LineEditor editor = editor("patch:lisx\u007ft\r", new TerminalOutput(screen, true));
        assertEquals("patch:list", editor.readLine());
        assertEquals("patch:lisx\b \bt\r\n", screen.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void ctrlCDropsTheLineArrowKeysAreSkippedCtrlDEnds() throws Exception {
        LineEditor editor = editor("lb\u0003\u001b[Ahelp\r\u0004", null);
        assertEquals("", editor.readLine());
        assertEquals("help", editor.readLine());
        assertNull(editor.readLine());
    }

    @Test
    public void withoutATerminalNothingIsEchoedAndTheLastLineNeedsNoEnd() throws Exception {
        LineEditor editor = editor("patch:list\npatch:history", null);
        assertEquals("patch:list", editor.readLine());
        assertEquals("patch:history", editor.readLine());
        assertNull(editor.readLine());
    }

    @Test
    public void aTerminalGetsCarriageReturnsBeforeLineFeeds() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        new TerminalOutput(screen, true).write("1  slot\n     active\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("1  slot\r\n     active\r\n", screen.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        new TerminalOutput(pipe, false).write("a\nb\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("a\nb\n", pipe.toString(StandardCharsets.UTF_8));
    }

    private static LineEditor editor(String typed, OutputStream echo) {
        return new LineEditor(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), echo);
    }
}
