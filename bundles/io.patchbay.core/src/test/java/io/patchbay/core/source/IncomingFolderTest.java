package io.patchbay.core.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class IncomingFolderTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void leftoversOfACrashAreDeleted() throws Exception {
        Path incoming = folder.getRoot().toPath().resolve("incoming");
        Files.createDirectories(incoming);
        Files.write(incoming.resolve("1f3e.jar"), new byte[10]);
        Files.write(incoming.resolve("9a0c.jar"), new byte[10]);
        assertEquals(incoming, IncomingFolder.cleared(incoming));
        assertTrue(Files.isDirectory(incoming));
        try (var left = Files.list(incoming)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    public void aFolderNotYetMadeIsFine() {
        Path incoming = folder.getRoot().toPath().resolve("never");
        assertEquals(incoming, IncomingFolder.cleared(incoming));
    }
}
