package io.patchbay.api.dto;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ChangesTest {

    @Test
    public void aSwitchSaysWhatTheSlotRunsNowAndInsteadOfWhat() {
        ChangeDTO change = Changes.switched("S", "a/1.0.0", "a/1.0.1", true);
        assertEquals("S", change.slot);
        assertEquals("a/1.0.0", change.from);
        assertEquals("a/1.0.1", change.to);
        assertTrue(change.changed);
        assertTrue(change.drained);
        assertEquals("S now runs a/1.0.1 instead of a/1.0.0.", change.message);
    }

    @Test
    public void aFirstImplementationAndAnEmptySlotHaveTheirOwnSentences() {
        assertEquals("S now runs a/1.0.0.", Changes.switched("S", null, "a/1.0.0", false).message);
        ChangeDTO emptied = Changes.switched("S", "a/1.0.0", null, false);
        assertEquals("S has no implementation now; calls wait for one.", emptied.message);
        assertTrue(emptied.changed);
        assertFalse(emptied.drained);
    }

    @Test
    public void nothingToDoKeepsTheCurrentImplementationAndIsDrained() {
        ChangeDTO change = Changes.unchanged("S", "a/1.0.0", "Nothing to revert.");
        assertEquals("a/1.0.0", change.from);
        assertEquals("a/1.0.0", change.to);
        assertFalse(change.changed);
        assertTrue(change.drained);
        assertEquals("Nothing to revert.", change.message);
        assertFalse(Changes.unchanged("S", null, "Empty.").changed);
        assertNull(Changes.unchanged("S", null, "Empty.").to);
    }

    @Test
    public void changedIsWhetherFromAndToDiffer() {
        assertTrue(Changes.of("S", "b", "a", false, "back").changed);
        assertFalse(Changes.of("S", "a", "a", true, "same").changed);
    }
}
