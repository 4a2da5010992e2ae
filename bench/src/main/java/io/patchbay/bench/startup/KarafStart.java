package io.patchbay.bench.startup;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stock Apache Karaf, the distribution the karaf module unpacks ({@code karaf/target/apache-karaf-<version>}, left
 * untouched as {@code KARAF_HOME}), booting with Patchbay's {@code patchbay-example} feature (which brings
 * {@code patchbay} and {@code patchbay-http}) beside its own boot features. As KarafIT does: a fresh
 * {@code KARAF_BASE} with a copy of {@code etc/}, free loopback ports, {@code mvn:} URLs read only from the
 * distribution's {@code system/} and the karaf module's repository folder, and {@code bin/karaf server} with
 * {@code KARAF_EXEC=exec}, so the process is the JVM itself. The JVM options go in {@code EXTRA_JAVA_OPTS}, after
 * the script's own defaults; the script adds the module options and system properties Karaf needs.
 */
final class KarafStart implements Contender {

    /** The feature the example answers from; boot features are installed at the first start, as here. */
    static final String FEATURE = "patchbay-example";

    private final Path home;
    private final Path repository;
    private final Path features;

    KarafStart(Path home, Path repository, Path features) {
        this.home = home;
        this.repository = repository;
        this.features = features;
    }

    @Override
    public String name() {
        return "Karaf " + home.getFileName().toString().replace("apache-karaf-", "") + " + " + FEATURE;
    }

    @Override
    public String key() {
        return "karaf";
    }

    @Override
    public ProcessBuilder prepare(Path folder, int port, List<String> jvmOptions) throws IOException {
        Path base = folder.resolve("karaf");
        Path etc = base.resolve("etc");
        copyTree(home.resolve("etc"), etc);
        List<Integer> ports = Ports.free(4).stream().filter(p -> p != port).limit(3).toList();
        set(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshPort", "" + ports.get(0), "sshHost", "127.0.0.1"));
        set(etc.resolve("org.apache.karaf.management.cfg"), Map.of("rmiRegistryPort", "" + ports.get(1),
                "rmiServerPort", "" + ports.get(2)));
        set(etc.resolve("org.ops4j.pax.url.mvn.cfg"), Map.of(
                "org.ops4j.pax.url.mvn.defaultRepositories", home.resolve("system").toUri()
                        + "@id=system.repository@snapshots, " + repository.toUri() + "@id=patchbay@snapshots",
                "org.ops4j.pax.url.mvn.repositories", "",
                "org.ops4j.pax.url.mvn.localRepository", base.resolve("m2").toString()));
        set(etc.resolve("org.apache.felix.http.cfg"), Map.of("org.osgi.service.http.port", "" + port,
                "org.apache.felix.http.host", "127.0.0.1"));
        Path featuresCfg = etc.resolve("org.apache.karaf.features.cfg");
        Properties stock = new Properties();
        try (Reader reader = Files.newBufferedReader(featuresCfg)) {
            stock.load(reader);
        }
        set(featuresCfg, Map.of(
                "featuresRepositories", stock.getProperty("featuresRepositories").trim() + ", " + features.toUri(),
                "featuresBoot", stock.getProperty("featuresBoot").trim() + ", " + FEATURE));

        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server");
        Map<String, String> environment = builder.environment();
        environment.put("KARAF_HOME", home.toString());
        environment.put("KARAF_BASE", base.toString());
        environment.put("KARAF_EXEC", "exec");
        // the distribution's instances/ file would name the last run's root instance
        environment.put("CHECK_ROOT_INSTANCE_RUNNING", "false");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("EXTRA_JAVA_OPTS", String.join(" ", jvmOptions));
        return builder;
    }

    @Override
    public Path bundleCache(Path folder) {
        return folder.resolve("karaf/data/cache");
    }

    /**
     * Gives {@code values} to their keys in a Karaf {@code .cfg} file: each key's assignment, continuation lines
     * included, is taken out and the new one appended.
     */
    private static void set(Path file, Map<String, String> values) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        StringBuilder added = new StringBuilder();
        for (Map.Entry<String, String> value : values.entrySet()) {
            Pattern assignment = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(value.getKey())
                    + "[ \\t]*=(?:.*\\\\\\R)*.*(?:\\R|\\z)");
            text = assignment.matcher(text).replaceAll("");
            added.append(value.getKey()).append(" = ").append(value.getValue())
                    .append('\n');
        }
        Files.writeString(file, (text.isEmpty() || text.endsWith("\n") ? text : text + "\n") + added);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
