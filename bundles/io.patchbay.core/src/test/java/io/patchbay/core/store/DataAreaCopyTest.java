package io.patchbay.core.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A data area replaced by a copy of another, and every state a stop can leave it in, resolved at the next start. */
public class DataAreaCopyTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path marker;
    private Path from;
    private Path to;
    private DataAreaCopy copy;

    @Before
    public void setUp() throws Exception {
        marker = folder.getRoot().toPath().resolve("carrying");
        from = Files.createDirectories(folder.getRoot().toPath().resolve("bundle10/data/deep"));
        Files.writeString(from.resolve("kept.txt"), "new");
        from = from.getParent();
        to = Files.createDirectories(folder.getRoot().toPath().resolve("bundle11/data"));
        Files.writeString(to.resolve("old.txt"), "old");
        copy = new DataAreaCopy(marker);
    }

    @Test
    public void theTargetBecomesAnExactCopyAndNothingIsLeftBeside() throws Exception {
        copy.replace(from, to);
        assertEquals("new", Files.readString(to.resolve("deep/kept.txt")));
        assertFalse(Files.exists(to.resolve("old.txt")));
        assertFalse(Files.exists(marker));
        try (var left = Files.list(to.getParent())) {
            assertEquals(1, left.count());
        }
        assertEquals("the source is untouched", "new", Files.readString(from.resolve("deep/kept.txt")));
    }

    @Test
    public void aMissingSourceEmptiesTheTarget() throws Exception {
        copy.replace(from.resolveSibling("absent"), to);
        assertTrue(Files.isDirectory(to));
        assertTrue(DataAreaCopy.isEmpty(to));
    }

    @Test
    public void onlyAreasWithFilesAreWorthCarrying() throws Exception {
        Path empty = Files.createDirectories(folder.getRoot().toPath().resolve("empty"));
        assertFalse(DataAreaCopy.worthCarrying(empty, empty.resolveSibling("absent")));
        assertTrue(DataAreaCopy.worthCarrying(empty, to));
        assertTrue(DataAreaCopy.worthCarrying(from, empty));
    }

    @Test
    public void nothingInterruptedNothingToSay() throws Exception {
        assertNull(copy.recover());
    }

    @Test
    public void anIncompleteCopyIsDiscardedAndTheAreaKept() throws Exception {
        mark();
        Files.createDirectories(DataAreaCopy.sibling(to, ".patchbay-incoming").resolve("half"));
        String sentence = copy.recover();
        assertTrue(sentence, sentence.contains("before the copy was complete; the copy was discarded"));
        assertEquals("old", Files.readString(to.resolve("old.txt")));
        assertFalse(Files.exists(DataAreaCopy.sibling(to, ".patchbay-incoming")));
        assertFalse(Files.exists(marker));
    }

    @Test
    public void aCompleteCopyNotYetSwappedIsPutInPlace() throws Exception {
        mark();
        ready();
        String sentence = copy.recover();
        assertTrue(sentence, sentence.endsWith("the complete copy was put in place."));
        assertEquals("new", Files.readString(to.resolve("kept.txt")));
        assertFalse(Files.exists(to.resolve("old.txt")));
        assertFalse(Files.exists(marker));
    }

    @Test
    public void aStopBetweenTheTwoRenamesPutsTheCompleteCopyInPlace() throws Exception {
        mark();
        ready();
        Files.move(to, DataAreaCopy.sibling(to, ".patchbay-old"));
        copy.recover();
        assertEquals("new", Files.readString(to.resolve("kept.txt")));
        assertFalse(Files.exists(DataAreaCopy.sibling(to, ".patchbay-old")));
    }

    @Test
    public void aStopAfterTheSwapDeletesTheReplacedArea() throws Exception {
        mark();
        Files.createDirectories(DataAreaCopy.sibling(to, ".patchbay-old"));
        String sentence = copy.recover();
        assertTrue(sentence, sentence.endsWith("the replaced area was deleted."));
        assertFalse(Files.exists(DataAreaCopy.sibling(to, ".patchbay-old")));
        assertEquals("old", Files.readString(to.resolve("old.txt")));
    }

    @Test
    public void aCopyForABundleUninstalledSinceIsForgotten() throws Exception {
        Files.writeString(marker, folder.getRoot().toPath().resolve("bundle99/data").toString());
        String sentence = copy.recover();
        assertTrue(sentence, sentence.endsWith("its bundle has been uninstalled since, so there is nothing to finish."));
        assertFalse(Files.exists(marker));
        assertNull("nothing left for the next start", copy.recover());
    }

    private void mark() throws Exception {
        Files.writeString(marker, to.toAbsolutePath().toString(), StandardCharsets.UTF_8);
    }

    private void ready() throws Exception {
        Path ready = Files.createDirectories(DataAreaCopy.sibling(to, ".patchbay-ready"));
        Files.writeString(ready.resolve("kept.txt"), "new");
    }
}
