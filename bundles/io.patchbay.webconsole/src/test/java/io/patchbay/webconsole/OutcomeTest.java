package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;

import io.patchbay.api.dto.ChangeDTO;
import org.junit.Test;

public class OutcomeTest {

    @Test
    public void aChangeIsOneSentenceAndA200() {
        Outcome outcome = Outcome.of("Applied", change("a/1.0.0", "a/1.0.1", true, true));
        assertEquals(200, outcome.status());
        assertEquals("Applied a/1.0.1 in S@1.0.0, replacing a/1.0.0.", outcome.message());
    }

    @Test
    public void anUndrainedSwitchSaysSo() {
        Outcome outcome = Outcome.of("Activated", change("a/1.0.0", "a/1.0.1", true, false));
        assertEquals("Activated a/1.0.1 in S@1.0.0, replacing a/1.0.0. Calls still running on a/1.0.0 did not "
                + "finish within the drain timeout.", outcome.message());
        assertEquals("Activated a/1.0.1 in S@1.0.0, which had no implementation.",
                Outcome.of("Activated", change(null, "a/1.0.1", true, true)).message());
    }

    @Test
    public void nothingToDoIsA409WithTheManagersSentence() {
        ChangeDTO same = change("a/1.0.0", "a/1.0.0", false, true);
        same.message = "Nothing to revert: S@1.0.0 has no earlier implementation.";
        Outcome outcome = Outcome.of("Reverted to", same);
        assertEquals(409, outcome.status());
        assertEquals(same.message, outcome.message());
        assertEquals("{\"ok\":false,\"status\":409,\"message\":\"Nothing to revert: S@1.0.0 has no earlier "
                + "implementation.\",\"change\":{\"slot\":\"S@1.0.0\",\"from\":\"a/1.0.0\",\"to\":\"a/1.0.0\","
                + "\"changed\":false,\"drained\":true,\"message\":\"Nothing to revert: S@1.0.0 has no earlier "
                + "implementation.\"}}", PatchesJson.outcome(outcome));
    }

    @Test
    public void uploadNamesLoseFoldersAndControlCharacters() {
        assertEquals("upload.jar", Requests.name(null));
        assertEquals("upload.jar", Requests.name(" "));
        assertEquals("fix.jar", Requests.name("C:\\temp\\fix.jar"));
        assertEquals("fix.jar", Requests.name("/tmp/fi\nx.jar"));
    }

    private static ChangeDTO change(String from, String to, boolean changed, boolean drained) {
        ChangeDTO change = new ChangeDTO();
        change.slot = "S@1.0.0";
        change.from = from;
        change.to = to;
        change.changed = changed;
        change.drained = drained;
        return change;
    }
}
