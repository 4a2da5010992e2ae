package io.patchbay.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file writing. {@link #replace}: write a temporary file completely, force it to disk, rename it over the
 * old one atomically, then force the directory so that the rename itself survives a power cut. After a crash at any
 * instant the target holds either the old or the new content (a leftover {@code .tmp} file is simply overwritten next
 * time).
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static void replace(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(channel, ByteBuffer.wrap(content));
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(directory);
    }

    /** Writes every remaining byte of {@code bytes}: a channel may write fewer bytes than asked in one call. */
    static void writeFully(WritableByteChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /**
     * Forces a directory's entries (a new or renamed file's name) to disk. Some platforms (Windows) cannot open a
     * directory as a channel; there the file system is trusted, as it must be.
     */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here: nothing more can be done for durability of the name
        }
    }
}
