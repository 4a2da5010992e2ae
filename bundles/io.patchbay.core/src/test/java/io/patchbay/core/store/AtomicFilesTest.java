package io.patchbay.core.store;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AtomicFilesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aChannelThatWritesAFewBytesAtATimeStillGetsThemAll() throws Exception {
        byte[] content = new byte[10_001];
        Arrays.fill(content, (byte) 'x');
        ThreeBytesAtATime channel = new ThreeBytesAtATime();

        AtomicFiles.writeFully(channel, ByteBuffer.wrap(content));

        assertArrayEquals(content, channel.written.toByteArray());
        assertEquals(3334, channel.calls);
    }

    @Test
    public void replaceWritesTheWholeContentAndLeavesNoTemporaryFile() throws Exception {
        Path target = folder.getRoot().toPath().resolve("new/folder/routes.properties");
        byte[] content = new byte[5_000_000];
        Arrays.fill(content, (byte) 'r');

        AtomicFiles.replace(target, content);
        AtomicFiles.replace(target, "second".getBytes());

        assertEquals("second", Files.readString(target));
        assertFalse(Files.exists(target.resolveSibling("routes.properties.tmp")));
    }

    @Test
    public void forcingADirectoryThatCannotBeOpenedIsIgnored() {
        AtomicFiles.forceDirectory(folder.getRoot().toPath().resolve("missing"));
    }

    private static final class ThreeBytesAtATime implements WritableByteChannel {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        int calls;

        @Override
        public int write(ByteBuffer source) {
            calls++;
            int count = Math.min(3, source.remaining());
            for (int i = 0; i < count; i++) {
                written.write(source.get());
            }
            return count;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
