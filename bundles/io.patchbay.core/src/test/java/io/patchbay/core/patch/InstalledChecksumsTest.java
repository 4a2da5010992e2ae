package io.patchbay.core.patch;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class InstalledChecksumsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void recordsByBundleIdSurvivesAndForgetsUninstalledBundles() {
        Path file = folder.getRoot().toPath().resolve("data/patch-checksums.properties");
        InstalledChecksums checksums = new InstalledChecksums(file);
        checksums.record(12, "aaa", id -> true);
        checksums.record(13, "bbb", id -> true);
        assertEquals(Optional.of("aaa"), new InstalledChecksums(file).get(12));
        new InstalledChecksums(file).record(14, "ccc", Set.of(13L, 14L)::contains);
        assertEquals(Optional.empty(), checksums.get(12));
        assertEquals(Optional.of("bbb"), checksums.get(13));
        assertEquals(Optional.of("ccc"), checksums.get(14));
    }
}
