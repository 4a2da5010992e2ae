package io.patchbay.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Patchbay per data folder: an OS file lock on {@code <data>/patchbay.lock}, taken before anything touches the
 * Felix cache and held for the life of the process (the OS releases it when the process ends, however it ends).
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE_NAME = "patchbay.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the data folder if needed and locks it, or explains in one sentence why not. */
    static DataFolderLock acquire(Path dataDir) throws LaunchException {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LaunchException("Cannot use data folder " + dataDir + " (" + e + "); choose another with "
                    + LauncherConfig.DATA.howToSet() + ".");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new LaunchException("Another Patchbay is already running on data folder " + dataDir + " (lock "
                    + file + " held); stop it or choose another folder with " + LauncherConfig.DATA.howToSet() + ".");
        }
        return new DataFolderLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
