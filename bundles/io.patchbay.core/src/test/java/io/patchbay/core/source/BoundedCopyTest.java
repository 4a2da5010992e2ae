package io.patchbay.core.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BoundedCopyTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void copiesUpToTheLimitWithTheChecksum() throws Exception {
        Path file = folder.getRoot().toPath().resolve("incoming/a.jar");
        byte[] content = new byte[100_000];
        String checksum = BoundedCopy.copy(new ByteArrayInputStream(content), file, "a.jar", content.length);
        assertEquals(content.length, Files.size(file));
        assertEquals(HexFormat.of().formatHex(BoundedCopy.sha256().digest(content)), checksum);
    }

    @Test
    public void stopsReadingAsSoonAsTheLimitIsPassedAndKeepsNothing() {
        Path file = folder.getRoot().toPath().resolve("incoming/b.jar");
        Endless endless = new Endless();
        PatchException refused = assertThrows(PatchException.class,
                () -> BoundedCopy.copy(endless, file, "upload.jar", 200_000));
        assertEquals("upload.jar is larger than the limit of 200000 bytes (patch.max.bytes); nothing was kept.",
                refused.getMessage());
        assertEquals("read one byte past the limit, no more", 200_001, endless.served);
        assertFalse(Files.exists(file));
        assertTrue(Files.isDirectory(file.getParent()));
    }

    /** Bytes for ever, counting what was asked for. */
    private static final class Endless extends InputStream {

        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            served += length;
            return length;
        }
    }
}
