package io.patchbay.core.inspect;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ClassPathViewTest {

    private static final byte[] OWN = Classes.of("com.example.Discount", w -> Classes.total(w, 10, 2, 1));
    private static final byte[] FIXED = Classes.of("com.example.Discount", w -> Classes.total(w, 10, 3, 1));
    private static final byte[] SERVICE = Classes.of("com.example.Service", w -> { });
    private static final byte[] EXTRA = Classes.of("com.example.Extra", w -> { });

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Content jar(String name, String classPath, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().putValue("Bundle-ClassPath", classPath);
        }
        Path file = folder.getRoot().toPath().resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return new JarContent(file, name, manifest.getMainAttributes());
    }

    @Test
    public void aFragmentFillsTheEntryItsHostLacksAheadOfTheHostsOwnClasses() throws Exception {
        Content host = jar("host", "patch,.", Map.of("com/example/Discount.class", OWN,
                "com/example/Service.class", SERVICE));
        Content fragment = jar("fragment", null, Map.of("patch/com/example/Discount.class", FIXED,
                "com/example/Extra.class", EXTRA));
        Map<String, byte[]> alone = ClassPathView.of(host, List.of());
        assertEquals(List.of("com.example.Discount", "com.example.Service"), List.copyOf(alone.keySet()));
        Map<String, byte[]> patched = ClassPathView.of(host, List.of(fragment));
        assertArrayEquals("the fragment's class wins", FIXED, patched.get("com.example.Discount"));
        assertArrayEquals(SERVICE, patched.get("com.example.Service"));
        assertArrayEquals("the fragment's own root comes last", EXTRA, patched.get("com.example.Extra"));
        assertEquals("patch/ is an entry, not a package of the fragment's root", 3, patched.size());
    }

    @Test
    public void withoutAnEntryBeforeDotTheHostsOwnClassesWin() throws Exception {
        Content host = jar("plain", null, Map.of("com/example/Discount.class", OWN));
        Content fragment = jar("fragment", null, Map.of("patch/com/example/Discount.class", FIXED,
                "com/example/Discount.class", FIXED));
        assertArrayEquals(OWN, ClassPathView.of(host, List.of(fragment)).get("com.example.Discount"));
    }

    @Test
    public void embeddedJarsOnTheClassPathAreRead() throws Exception {
        ByteArrayOutputStream embedded = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(embedded)) {
            jar.putNextEntry(new JarEntry("com/example/Service.class"));
            jar.write(SERVICE);
            jar.closeEntry();
        }
        Content bundle = jar("bundle", ".,lib/service.jar", Map.of("com/example/Discount.class", OWN,
                "lib/service.jar", embedded.toByteArray(), "META-INF/versions/17/com/example/Other.class", EXTRA));
        assertEquals(List.of("com.example.Discount", "com.example.Service"),
                List.copyOf(ClassPathView.of(bundle, List.of()).keySet()));
    }
}
