package io.patchbay.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestProbeBuilder;

/**
 * The Pax Exam provisioning every test shares: the bundles that the launcher embeds, on a free HTTP port, with a
 * known console password.
 */
public final class Container {

    /** Fixed: test classes are loaded twice (runner and probe), so nothing here may differ between loads. */
    public static final String CONSOLE_PASSWORD = "itest-console-password";

    private Container() {
    }

    /** The launcher's bundle set, started, with HTTP on {@code port}. */
    public static Option options(int port) {
        return composite(
                junitBundles(),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"),
                frameworkProperty("org.osgi.service.http.port").value(String.valueOf(port)),
                frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
                frameworkProperty("felix.webconsole.username").value("admin"),
                frameworkProperty("felix.webconsole.password").value(CONSOLE_PASSWORD),
                frameworkProperty("gosh.args").value("--nointeractive"),
                composite(embeddedBundles().stream()
                        .map(file -> bundle(file.toURI().toString()))
                        .toArray(Option[]::new)));
    }

    /** The container plus the four kinds of consumer, with a short apply timeout for the failure cases. */
    public static Option withConsumers(int port) {
        return composite(options(port),
                frameworkProperty("patchbay.apply.timeout.ms").value("3000"),
                bundle(fixture("consumers").toURI().toString()));
    }

    /** A fixture or patch jar the build made, by its key: consumers, throwing, failing. */
    public static File fixture(String name) {
        return new File(System.getProperty("patchbay.fixture." + name));
    }

    /** The example replacement patch, com.example.pricing.impl 1.0.1. */
    public static File fixPatch() {
        return new File(System.getProperty("patchbay.patch.fix"));
    }

    /** The example fragment patch for com.example.pricing.impl 1.0.0. */
    public static File fragmentPatch() {
        return new File(System.getProperty("patchbay.patch.fragment"));
    }

    /**
     * Wires a test probe to API 1.x of the example: with 1.x and 2.x both exported, the probe's dynamic import
     * would otherwise take the highest version.
     */
    public static TestProbeBuilder onApi1(TestProbeBuilder probe) {
        probe.setHeader("Import-Package", "com.example.pricing.api;version=\"[1,2)\"");
        return probe;
    }

    /** The jars under {@code launcher/target/classes/bundles}, the patch manager first (it must see every service). */
    public static List<File> embeddedBundles() {
        File dir = new File(System.getProperty("patchbay.bundles"));
        File[] jars = dir.listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No bundles in " + dir + "; build the launcher first");
        }
        return Stream.of(jars).sorted(Comparator.comparing((File f) -> !f.getName().startsWith("io.patchbay.core"))
                .thenComparing(File::getName)).toList();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
