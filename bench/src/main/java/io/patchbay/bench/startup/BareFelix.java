package io.patchbay.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The bare Felix of the start-up comparison, a separate JVM: what Felix's own main ({@code org.apache.felix.main},
 * with {@code felix.auto.deploy.action=install,start}) does with its bundle folder, in a few lines. The framework
 * from the class path (ServiceLoader), a fresh cache, every jar of the folder installed by its {@code file:} URL and
 * started, then the framework started; SIGTERM stops the framework, then the JVM exits. Framework properties: those
 * of the Patchbay launcher that concern the bundles, not Patchbay (HTTP port and host, Gogo without a terminal, a
 * console user), and its quiet slf4j-simple.
 *
 * <p>{@code java -cp <this class and the Felix framework> io.patchbay.bench.startup.BareFelix <bundle folder>
 * <cache folder> <http port>}
 */
public final class BareFelix {

    private BareFelix() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // as the launcher does
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(Map.of(Constants.FRAMEWORK_STORAGE, args[1],
                        Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                        "org.osgi.service.http.port", args[2],
                        "org.apache.felix.http.host", "127.0.0.1",
                        "gosh.args", "--nointeractive",
                        "felix.webconsole.username", "admin",
                        "felix.webconsole.password", UUID.randomUUID().toString()));
        framework.init();
        List<Bundle> bundles = install(framework.getBundleContext(), Path.of(args[0]));
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "bare-felix-stop"));
        framework.start();
        framework.waitForStop(0);
        System.exit(0);
    }

    private static List<Bundle> install(BundleContext context, Path folder) throws IOException, BundleException {
        List<Bundle> bundles = new ArrayList<>();
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                bundles.add(context.installBundle(jar.toUri().toString()));
            }
        }
        return bundles;
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            e.printStackTrace();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
