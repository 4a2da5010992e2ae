package io.patchbay.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the jars the harness installs are: in the other modules' {@code target} folders of one checkout, found
 * from {@code -Dpatchbay.root} (the checkout) or, by default, from the working folder or its parent.
 */
public record Artifacts(Path root) {

    /**
     * Bundles of the launcher's set that the swap benchmarks need: no HTTP, console or shell, for less noise. The
     * Patchbay API is a library the example imports (its quote count's {@code StateHandoff}), so the ways without
     * Patchbay install it too, with no manager.
     */
    private static final List<String> RUNTIME = List.of("org.apache.felix.scr", "org.apache.felix.configadmin",
            "org.osgi.service.component", "org.osgi.util.promise", "org.osgi.util.function", "org.osgi.service.log",
            "io.patchbay.api", "com.example.pricing.api", "com.example.pricing.impl");
    private static final List<String> PATCHBAY = List.of("io.patchbay.core", "asm", "jackson-core");

    public static Artifacts locate() {
        String configured = System.getProperty("patchbay.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath().normalize();
        for (Path candidate : new Path[] { start, start.getParent() }) {
            if (candidate != null && Files.isDirectory(candidate.resolve("launcher"))
                    && Files.isDirectory(candidate.resolve("bundles"))) {
                return new Artifacts(candidate);
            }
        }
        throw new IllegalStateException("Cannot find the Patchbay checkout from " + start
                + "; run from its root or pass -Dpatchbay.root=<checkout>");
    }

    /** The folder of jars that the launcher embeds. */
    public Path launcherBundles() {
        return existing(root.resolve("launcher/target/classes/bundles"));
    }

    /** The launcher's bundles that a swap needs; with or without the patch manager, less {@code leftOut}. */
    public List<File> runtime(boolean withPatchbay, String... leftOut) {
        Stream<String> names = withPatchbay ? Stream.concat(PATCHBAY.stream(), RUNTIME.stream()) : RUNTIME.stream();
        List<String> without = List.of(leftOut);
        return names.filter(name -> !without.contains(name))
                .map(name -> existing(launcherBundles().resolve(name + ".jar")).toFile()).toList();
    }

    public File consumers() {
        return onlyJar(root.resolve("itest/fixtures/io.patchbay.fixture.consumers/target"),
                "io.patchbay.fixture.consumers-");
    }

    /** The example patch, com.example.pricing.impl 1.0.1. */
    public File fixPatch() {
        return existing(root.resolve("bundles/com.example.pricing.impl.fix/target/com.example.pricing.impl.fix-1.0.1.jar"))
                .toFile();
    }

    /** The example fragment patch for com.example.pricing.impl 1.0.0: one class replaced inside the host. */
    public File fragmentPatch() {
        return existing(root.resolve("bundles/com.example.pricing.impl.fragment/target"
                + "/com.example.pricing.impl.fragment-1.0.1.jar")).toFile();
    }

    /** The example implementation with the bug, com.example.pricing.impl 1.0.0. */
    public File original() {
        return existing(launcherBundles().resolve("com.example.pricing.impl.jar")).toFile();
    }

    public File launcherJar() {
        return existing(root.resolve("launcher/target/patchbay.jar")).toFile();
    }

    /** The stock Karaf distribution that the karaf module unpacks, {@code karaf/target/apache-karaf-<version>}. */
    public Path karafHome() {
        try (Stream<Path> folders = Files.list(existing(root.resolve("karaf/target")))) {
            return folders.filter(p -> p.getFileName().toString().startsWith("apache-karaf-"))
                    .filter(p -> Files.isRegularFile(p.resolve("bin/karaf"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No unpacked Karaf in " + root.resolve("karaf/target")
                            + "; build it first: mvn -pl bench -am package -DskipTests"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bundle the Karaf features name, in repository layout ({@code karaf/target/repository}). */
    public Path karafRepository() {
        return existing(root.resolve("karaf/target/repository"));
    }

    /** The feature repository, versions filled in ({@code karaf/target/feature/features.xml}). */
    public Path karafFeatures() {
        return existing(root.resolve("karaf/target/feature/features.xml"));
    }

    private static File onlyJar(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(existing(folder))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.toString().endsWith(".jar") && !p.toString().endsWith("-sources.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No " + prefix + "*.jar in " + folder
                            + "; build it first: mvn -pl bench -am package -DskipTests"))
                    .toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist; build it first: mvn -pl bench -am package -DskipTests");
        }
        return path;
    }
}
