package io.patchbay.bench.scale;

import io.patchbay.bench.scale.inside.Consumers;
import io.patchbay.bench.scale.inside.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the bundles of the scale benchmark: an API bundle with {@code n} interfaces {@code bench.scale.api.S<i>}
 * (each {@code int value()}), an implementation bundle registering one managed service per interface, consumer
 * bundles that each get every service, and a patch for slot {@code S0}. Classes are generated with ASM, manifests
 * written by hand.
 */
final class ScaleBundles implements Opcodes {

    static final String API = "bench.scale.api";
    private static final String INTERFACES = API + ".S";
    private static final String IMPORTS = API + ";version=\"[1.0,2)\",org.osgi.framework;version=\"[1.8,2)\"";

    private ScaleBundles() {
    }

    record Jars(Path api, Path implementation, List<Path> consumers, Path patch) {
    }

    static Jars write(Path folder, int slots, int consumers) throws IOException {
        Map<String, byte[]> api = new LinkedHashMap<>();
        Map<String, byte[]> impl = new LinkedHashMap<>();
        for (int i = 0; i < slots; i++) {
            api.put(path(INTERFACES + i), serviceInterface(INTERFACES + i));
            impl.put(path("bench.scale.impl.I" + i), implementation("bench.scale.impl.I" + i, INTERFACES + i, i));
        }
        impl.put(path(Providers.class.getName()), own(Providers.class));
        Path apiJar = jar(folder.resolve("api.jar"), manifest("bench.scale.api", "1.0.0",
                Map.of("Export-Package", API + ";version=\"1.0.0\"")), api);
        Path implJar = jar(folder.resolve("impl.jar"), manifest("bench.scale.impl", "1.0.0",
                provider(slots, "bench.scale.impl.I")), impl);
        List<Path> consumerJars = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Import-Package", IMPORTS);
            headers.put("Bundle-Activator", Consumers.class.getName());
            headers.put("Bench-Count", String.valueOf(slots));
            headers.put("Bench-Interfaces", INTERFACES);
            consumerJars.add(jar(folder.resolve("consumer-" + c + ".jar"),
                    manifest("bench.scale.consumer" + c, "1.0.0", headers),
                    Map.of(path(Consumers.class.getName()), own(Consumers.class))));
        }
        Map<String, String> patchHeaders = provider(1, "bench.scale.patch.P");
        patchHeaders.put("Patchbay-Patch", INTERFACES + "0;version=\"[1.0,2)\"");
        patchHeaders.put("Patchbay-Reason", "scale benchmark");
        Path patch = jar(folder.resolve("patch.jar"), manifest("bench.scale.patch", "1.0.1", patchHeaders),
                Map.of(path("bench.scale.patch.P0"), implementation("bench.scale.patch.P0", INTERFACES + "0", -1),
                        path(Providers.class.getName()), own(Providers.class)));
        return new Jars(apiJar, implJar, consumerJars, patch);
    }

    private static Map<String, String> provider(int count, String classes) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Import-Package", IMPORTS);
        headers.put("Bundle-Activator", Providers.class.getName());
        headers.put("Bench-Count", String.valueOf(count));
        headers.put("Bench-Classes", classes);
        headers.put("Bench-Interfaces", INTERFACES);
        return headers;
    }

    private static Manifest manifest(String symbolicName, String version, Map<String, String> headers) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        headers.forEach(main::putValue);
        return manifest;
    }

    private static Path jar(Path file, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }

    private static String path(String className) {
        return className.replace('.', '/') + ".class";
    }

    /** The compiled bytes of one of the bench's own classes, to run inside a generated bundle. */
    private static byte[] own(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + path(type.getName()))) {
            if (in == null) {
                throw new IOException("No class file for " + type.getName());
            }
            return in.readAllBytes();
        }
    }

    /** {@code public interface S<i> { int value(); }} */
    private static byte[] serviceInterface(String name) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(V17, ACC_PUBLIC | ACC_ABSTRACT | ACC_INTERFACE, name.replace('.', '/'), null,
                "java/lang/Object", null);
        writer.visitMethod(ACC_PUBLIC | ACC_ABSTRACT, "value", "()I", null, null).visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code public class I<i> implements S<i> { public int value() { return value; } }} */
    private static byte[] implementation(String name, String api, int value) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(V17, ACC_PUBLIC | ACC_SUPER, name.replace('.', '/'), null, "java/lang/Object",
                new String[] { api.replace('.', '/') });
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
        MethodVisitor method = writer.visitMethod(ACC_PUBLIC, "value", "()I", null, null);
        method.visitCode();
        method.visitLdcInsn(value);
        method.visitInsn(IRETURN);
        method.visitMaxs(1, 1);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
