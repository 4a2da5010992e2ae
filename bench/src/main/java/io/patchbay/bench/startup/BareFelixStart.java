package io.patchbay.bench.startup;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;

/**
 * A bare Felix ({@link BareFelix}) with the launcher's bundles less every bundle that is Patchbay or needs it: the
 * same third-party bundles, and the example application, which runs without Patchbay (its implementation's
 * {@code patchbay.managed} property is then just a property).
 */
final class BareFelixStart implements Contender {

    /** The headers through which a bundle is, or depends on, Patchbay. */
    private static final List<String> HEADERS = List.of("Bundle-SymbolicName", "Import-Package", "Require-Bundle",
            "Require-Capability", "Fragment-Host", "DynamicImport-Package");

    private final List<Path> bundles = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private final String classPath;

    BareFelixStart(Path launcherBundles) {
        try (Stream<Path> jars = Files.list(launcherBundles)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                if (isOrNeedsPatchbay(jar)) {
                    leftOut.add(jar.getFileName().toString());
                } else {
                    bundles.add(jar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        classPath = String.join(File.pathSeparator, Stream.of(BareFelix.class, FrameworkFactory.class)
                .map(BareFelixStart::codeSource).distinct().toList());
    }

    @Override
    public String name() {
        return "Bare Felix, no Patchbay";
    }

    @Override
    public String key() {
        return "bareFelix";
    }

    /** The launcher's bundles that this Felix does not install. */
    List<String> leftOut() {
        return List.copyOf(leftOut);
    }

    @Override
    public ProcessBuilder prepare(Path folder, int port, List<String> jvmOptions) throws IOException {
        Path bundleFolder = Files.createDirectories(folder.resolve("bundle"));
        for (Path jar : bundles) {
            Files.copy(jar, bundleFolder.resolve(jar.getFileName()));
        }
        List<String> command = new ArrayList<>(List.of(Contender.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, BareFelix.class.getName(), bundleFolder.toString(),
                bundleCache(folder).toString(), String.valueOf(port)));
        return new ProcessBuilder(command);
    }

    @Override
    public Path bundleCache(Path folder) {
        return folder.resolve("cache");
    }

    /**
     * Patchbay's own bundles and those that need them. The API bundle is a library that the example imports (its
     * quote count's {@code StateHandoff}) with no code of its own running: the bare Felix keeps it, as it keeps the
     * example.
     */
    private static boolean isOrNeedsPatchbay(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes headers = file.getManifest().getMainAttributes();
            return HEADERS.stream().map(headers::getValue).filter(v -> v != null)
                    .map(v -> v.replace("io.patchbay.api", "")).anyMatch(v -> v.contains("io.patchbay"));
        }
    }

    /** The jar or folder a class was loaded from: the bench jar, or in the smoke test its classes and Felix's jar. */
    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
