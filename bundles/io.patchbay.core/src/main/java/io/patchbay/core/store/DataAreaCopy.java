package io.patchbay.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replaces one bundle's data area with a copy of another's so that a stop at any instant leaves one complete area.
 * The copy is made beside the target ({@code <area>.patchbay-incoming}), renamed {@code <area>.patchbay-ready} once
 * complete, then swapped in by two renames (the old area aside as {@code <area>.patchbay-old}, then deleted). While
 * it runs, a marker in the manager's own data folder names the target; the next start {@link #recover finishes}
 * a complete copy or discards an incomplete one. Guards against a stopped process, as the ledger does; the copied
 * files are not forced to disk one by one (a power cut can lose what the page cache held).
 */
public final class DataAreaCopy {

    private static final String INCOMING = ".patchbay-incoming";
    private static final String READY = ".patchbay-ready";
    private static final String OLD = ".patchbay-old";

    private final Path marker;

    /** @param marker the file, in the manager's data folder, that names the area being replaced */
    public DataAreaCopy(Path marker) {
        this.marker = marker;
    }

    /** Whether there is anything to carry between these areas: either holds a file. */
    public static boolean worthCarrying(Path from, Path to) {
        return !isEmpty(from) || !isEmpty(to);
    }

    /** Whether both areas hold the same files with the same bytes (a missing area holds none). */
    public static boolean sameContent(Path one, Path other) throws IOException {
        Map<Path, byte[]> left = contents(one);
        Map<Path, byte[]> right = contents(other);
        return left.keySet().equals(right.keySet())
                && left.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), right.get(e.getKey())));
    }

    private static Map<Path, byte[]> contents(Path area) throws IOException {
        Map<Path, byte[]> files = new HashMap<>();
        if (area != null && Files.isDirectory(area)) {
            try (Stream<Path> walk = Files.walk(area)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files.put(area.relativize(file), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    /** Makes {@code to} an exact copy of {@code from} (an empty area if {@code from} does not exist). */
    public void replace(Path from, Path to) throws IOException {
        AtomicFiles.replace(marker, to.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
        Path incoming = sibling(to, INCOMING);
        deleteTree(incoming);
        deleteTree(sibling(to, READY));
        copyTree(from, incoming);
        Files.move(incoming, sibling(to, READY), StandardCopyOption.ATOMIC_MOVE);
        swap(to);
        Files.deleteIfExists(marker);
    }

    /**
     * At start, before any bundle of a slot runs its code: finishes the copy a stop interrupted.
     *
     * @return the sentence that explains what was found, or {@code null} if no copy was interrupted
     */
    public String recover() throws IOException {
        if (!Files.exists(marker)) {
            return null;
        }
        Path to = Path.of(Files.readString(marker, StandardCharsets.UTF_8).strip());
        String sentence;
        if (to.getParent() == null || !Files.isDirectory(to.getParent())) {
            sentence = "The container stopped while the data area " + to + " was being replaced; its bundle has been"
                    + " uninstalled since, so there is nothing to finish.";
        } else if (Files.isDirectory(sibling(to, READY))) {
            swap(to);
            sentence = "The container stopped while the data area " + to + " was being replaced by the area of the"
                    + " implementation that left its slot; the complete copy was put in place.";
        } else if (Files.exists(sibling(to, INCOMING))) {
            deleteTree(sibling(to, INCOMING));
            sentence = "The container stopped while the data area " + to + " was being replaced by the area of the"
                    + " implementation that left its slot, before the copy was complete; the copy was discarded and"
                    + " the area is as it was.";
        } else {
            deleteTree(sibling(to, OLD));
            sentence = "The container stopped just after the data area " + to + " had been replaced by the area of"
                    + " the implementation that left its slot; the replaced area was deleted.";
        }
        Files.deleteIfExists(marker);
        return sentence;
    }

    /** The ready copy takes the place of {@code to}; the old area is set aside first, then deleted. */
    private static void swap(Path to) throws IOException {
        Path old = sibling(to, OLD);
        if (Files.exists(to)) {
            deleteTree(old);
            Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(sibling(to, READY), to, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    static Path sibling(Path area, String suffix) {
        return area.resolveSibling(area.getFileName() + suffix);
    }

    static boolean isEmpty(Path area) {
        if (area == null || !Files.isDirectory(area)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(area)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false; // unreadable: let the copy report it
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (from == null || !Files.isDirectory(from)) {
            Files.createDirectories(to);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                Files.createDirectories(to.resolve(from.relativize(directory).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
