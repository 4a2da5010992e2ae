package io.patchbay.core.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder where apply keeps a patch jar while it checks and installs it. Each apply deletes its own file; what
 * is there when the manager starts was left by a crash (or a kill) in the middle of an apply, so it goes.
 */
public final class IncomingFolder {

    private IncomingFolder() {
    }

    /** Deletes every file in {@code folder} (not below it: apply writes none there) and returns the folder. */
    public static Path cleared(Path folder) {
        if (!Files.isDirectory(folder)) {
            return folder;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException ignored) {
            // a leftover that cannot go costs disk space, never correctness: every apply writes a fresh name
        }
        return folder;
    }
}
