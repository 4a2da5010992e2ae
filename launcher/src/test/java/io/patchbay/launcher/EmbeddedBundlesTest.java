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
