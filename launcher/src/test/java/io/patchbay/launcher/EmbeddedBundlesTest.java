package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class EmbeddedBundlesTest {

    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void readsOnlyJarsDirectlyUnderBundlesSortedWithTheirHashes() throws Exception {
        Path jar = folder.getRoot().toPath().resolve("launcher.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "io/patchbay/launcher/Main.class", "x");
            put(out, "bundles/zeta.jar", "abc");
            put(out, "bundles/alpha.jar", "other");
            put(out, "bundles/nested/ignored.jar", "n");
            put(out, "bundles/readme.txt", "r");
        }
        EmbeddedBundles source = new EmbeddedBundles(jar);
        List<EmbeddedBundles.Embedded> found = source.scan();
        assertEquals(List.of("alpha.jar", "zeta.jar"), found.stream().map(EmbeddedBundles.Embedded::name).toList());
        assertEquals(SHA256_OF_ABC, found.get(1).sha256());
        assertNotEquals(SHA256_OF_ABC, found.get(0).sha256());
        try (InputStream in = source.open("zeta.jar")) {
            assertEquals("abc", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    public void readsAClassesFolderToo() throws Exception {
        Path bundles = Files.createDirectories(folder.getRoot().toPath().resolve("classes/bundles"));
        Files.writeString(bundles.resolve("b.jar"), "abc");
        Files.writeString(bundles.resolve("notes.txt"), "x");
        List<EmbeddedBundles.Embedded> found = new EmbeddedBundles(bundles.getParent()).scan();
        assertEquals(List.of(new EmbeddedBundles.Embedded("b.jar", SHA256_OF_ABC)), found);
    }

    @Test
    public void takesTheHashTheBuildRecordedWhileItFitsItsBundleAndComputesTheRestWhenAsked() throws Exception {
        String recorded = "0".repeat(63) + "1"; // not the hash of any content here: proves it was not computed
        String crcOfAbc = "352441c2";
        Path jar = folder.getRoot().toPath().resolve("launcher.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "bundles/alpha.jar", "abc");
            put(out, "bundles/alpha.jar" + BundleSums.SUFFIX, recorded + " " + crcOfAbc + " 3\n");
            put(out, "bundles/beta.jar", "abd"); // replaced after the build: its record no longer fits
            put(out, "bundles/beta.jar" + BundleSums.SUFFIX, recorded + " " + crcOfAbc + " 3\n");
            put(out, "bundles/gamma.jar", "abc");
            put(out, "bundles/gamma.jar" + BundleSums.SUFFIX, "not a record");
            put(out, "bundles/delta.jar", "abc");
        }
        EmbeddedBundles source = new EmbeddedBundles(jar);
        List<EmbeddedBundles.Embedded> all = source.scan();
        assertEquals(List.of("alpha.jar", "beta.jar", "delta.jar", "gamma.jar"),
                all.stream().map(EmbeddedBundles.Embedded::name).toList());
        assertEquals(recorded, all.get(0).sha256());
        assertEquals(EmbeddedBundles.sha256(new ByteArrayInputStream("abd".getBytes())), all.get(1).sha256());
        assertEquals(SHA256_OF_ABC, all.get(2).sha256());
        assertEquals(SHA256_OF_ABC, all.get(3).sha256());
        assertEquals(List.of(recorded, "-", "-", "-"), source.scan(false).stream()
                .map(e -> e.sha256() == null ? "-" : e.sha256()).toList());
    }

    @Test
    public void recordsAtBuildTimeWhatTheLauncherChecks() throws Exception {
        Path bundle = folder.getRoot().toPath().resolve("b.jar");
        Files.writeString(bundle, "abc");
        BundleSums.main(new String[] { folder.getRoot().toString() });
        String record = Files.readString(folder.getRoot().toPath().resolve("b.jar" + BundleSums.SUFFIX));
        assertEquals(SHA256_OF_ABC + " 352441c2 3\n", record);
        assertEquals(SHA256_OF_ABC, BundleSums.recorded(new ByteArrayInputStream(record.getBytes()), 0x352441c2L, 3));
        assertEquals(null, BundleSums.recorded(new ByteArrayInputStream(record.getBytes()), 0x352441c2L, 4));
    }

    @Test
    public void hashesWhatFelixReadsAndWhatItLeft() throws Exception {
        Path bundles = Files.createDirectories(folder.getRoot().toPath().resolve("classes/bundles"));
        Files.writeString(bundles.resolve("b.jar"), "abc");
        EmbeddedBundles source = new EmbeddedBundles(bundles.getParent());
        try (EmbeddedBundles.HashedStream in = source.openHashed("b.jar")) {
            in.readAllBytes();
            assertEquals(SHA256_OF_ABC, in.sha256());
        }
        try (EmbeddedBundles.HashedStream in = source.openHashed("b.jar")) {
            assertEquals('a', in.read());
            assertEquals(SHA256_OF_ABC, in.sha256());
        }
    }

    @Test
    public void hashesStreams() throws Exception {
        assertEquals(SHA256_OF_ABC, EmbeddedBundles.sha256(new ByteArrayInputStream("abc".getBytes())));
    }

    private static void put(JarOutputStream out, String name, String content) throws Exception {
        out.putNextEntry(new JarEntry(name));
        OutputStream entry = out;
        entry.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
