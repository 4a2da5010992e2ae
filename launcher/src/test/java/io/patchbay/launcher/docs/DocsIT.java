package io.patchbay.launcher.docs;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The docs cannot go stale: every shell session ({@code g!} lines) and API call ({@code $ curl}, JSON examples with
 * a request) of the README and docs/ is replayed against the real launcher at a terminal, in the document's order,
 * and compared with what the document shows, through the declared masks ({@link DocMasks}, {@link JsonSample}).
 * A block that cannot be replayed says why in a {@code skip:} directive ({@link DocBlock}). On a difference the test
 * fails with each differing block, doc beside run, and writes the documents as the run would have written them to
 * {@code target/docs-actual/}: re-baselining is {@code diff -r target/docs-actual ..} and copying what is right.
 */
public class DocsIT {

    static final List<String> DOCUMENTS = List.of("README.md", "docs/shell.md", "docs/webconsole.md",
            "docs/patches.md", "docs/fleet.md", "docs/karaf.md", "docs/metrics.md", "docs/internals.md");

    private static Path jar;
    private static Path root;

    /** A private copy of the jar, so that a rebuild cannot pull classes from under the running launcher. */
    @BeforeClass
    public static void copyJar() throws IOException {
        Path built = Path.of(System.getProperty("patchbay.jar", "target/patchbay.jar")).toAbsolutePath();
        root = Path.of(System.getProperty("patchbay.docs.root", "..")).toAbsolutePath().normalize();
        jar = Files.createTempFile("patchbay-doc-", ".jar");
        Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterClass
    public static void deleteJar() throws IOException {
        Files.deleteIfExists(jar);
    }

    @Test
    public void everyDocumentedSessionAndApiCallIsWhatTheContainerAnswers() throws Exception {
        String only = System.getProperty("docs.only");
        List<String> failures = new ArrayList<>();
        int differences = 0;
        int replayed = 0;
        for (String name : DOCUMENTS) {
            if (only != null && !name.contains(only)) {
                continue;
            }
            DocReplay replay = new DocReplay(jar, root, root.resolve(name));
            List<String> rewritten = replay.replay();
            replayed += replay.replayed;
            System.out.println(name + ": " + replay.replayed + " blocks replayed, " + replay.skipped + " skipped");
            if (!replay.failures.isEmpty()) {
                Path actual = root.resolve("launcher/target/docs-actual").resolve(name);
                Files.createDirectories(actual.getParent());
                Files.write(actual, rewritten.stream().filter(Objects::nonNull).toList());
                differences += replay.failures.size();
                failures.addAll(replay.failures);
                failures.add(name + " as the run would have written it: " + actual + " (diff it with " + name
                        + ")");
            }
        }
        assertTrue("no block was replayed", replayed > 0);
        assertTrue(differences + " differences between the docs and a real run:\n\n"
                + String.join("\n\n", failures), failures.isEmpty());
    }
}
