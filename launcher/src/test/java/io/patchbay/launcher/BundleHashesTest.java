package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BundleHashesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void savesOnlyWhenChangedAndReadsBack() throws Exception {
        Path data = folder.getRoot().toPath();
        BundleHashes hashes = BundleHashes.load(data);
        assertNull(hashes.get("patchbay:bundles/a.jar"));
        hashes.save();
        assertFalse("nothing to save", Files.exists(data.resolve(BundleHashes.FILE_NAME)));

        hashes.put("patchbay:bundles/a.jar", "aa");
        hashes.put("patchbay:bundles/b.jar", "bb");
        hashes.save();
        BundleHashes loaded = BundleHashes.load(data);
        assertEquals("aa", loaded.get("patchbay:bundles/a.jar"));
        loaded.remove("patchbay:bundles/b.jar");
        loaded.save();
        assertNull(BundleHashes.load(data).get("patchbay:bundles/b.jar"));
        try (var files = Files.list(data)) {
            assertEquals("no temporary file left", 1, files.count());
        }
    }
}
