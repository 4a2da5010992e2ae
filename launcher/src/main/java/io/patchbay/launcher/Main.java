package io.patchbay.launcher;

import io.patchbay.launcher.EmbeddedBundles.Embedded;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Patchbay's entry point: {@code java -jar patchbay.jar}. Embeds Felix with a persistent cache in the data folder,
 * installs or updates the bundles packed in the jar, starts the framework and waits until it stops (Ctrl-C,
 * SIGTERM, or {@code shutdown}, {@code stop 0} or {@code exit 0} in the Gogo shell), then exits 0 (1 if the
 * framework reports that it stopped on an error). The settings are described in {@link LauncherConfig}. A problem
 * the operator can fix (bad setting, port in use, data folder in use by another instance) is reported in one
 * sentence, without a stack trace, with exit code 2.
 */
public final class Main {

    /** How long the start waits for the web console to take its password from ConfigAdmin. */
    private static final Duration CONSOLE_READY = Duration.ofSeconds(10);

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run();
        } catch (LaunchException e) {
            System.err.println(e.getMessage());
            exitCode = e.exitCode();
        }
        System.exit(exitCode);
    }

    static int run() throws LaunchException {
        LauncherConfig config = LauncherConfig.fromEnvironment();
        FrameworkProperties.quietLogging();
        Shutdown shutdown = new Shutdown();
        shutdown.install();
        try (DataFolderLock lock = DataFolderLock.acquire(config.dataDir())) {
            PortCheck.ensureFree(config.httpHost(), config.httpPort());
            createEtc(config);
            if (config.https().isPresent()) {
                PortCheck.ensureFree(config.httpHost(), config.https().get().port());
            }
            EmbeddedBundles source = EmbeddedBundles.ofLauncher();
            CompletableFuture<List<Embedded>> embedded = source.scanInBackground(
                    BundleHashes.recorded(config.dataDir()));
            ConsolePassword password = ConsolePassword.resolve(config);
            boolean interactive = System.console() != null;
            Map<String, String> properties = FrameworkProperties.build(config, interactive);
            FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                    .orElseThrow(() -> new LaunchException("No OSGi framework found in the launcher jar.",
                            LaunchException.FAILURE, null));
            int stopType = FrameworkEvent.STOPPED;
            for (boolean first = true; !shutdown.requested(); first = false) {
                Start start = new Start(config, password, source, embedded, shutdown, first, interactive);
                stopType = runOnce(factory.newFramework(properties), start);
                if (stopType != FrameworkEvent.STOPPED_UPDATE
                        && stopType != FrameworkEvent.STOPPED_SYSTEM_REFRESHED) {
                    break;
                }
                // "update 0" or a system bundle refresh: start a fresh framework on the same cache
            }
            return stopType == FrameworkEvent.ERROR ? LaunchException.FAILURE : 0;
        }
    }

    /** What one framework run needs. */
    private record Start(LauncherConfig config, ConsolePassword password, EmbeddedBundles source,
            CompletableFuture<List<Embedded>> embedded, Shutdown shutdown, boolean first, boolean interactive) {
    }

    /** Runs one framework until it stops and answers how it stopped ({@link FrameworkEvent#getType()}). */
    /** The folder of configuration files, so that an operator finds where they go. */
    private static void createEtc(LauncherConfig config) throws LaunchException {
        java.nio.file.Path etc = config.dataDir().resolve(FrameworkProperties.ETC_DIR);
        try {
            java.nio.file.Files.createDirectories(etc);
        } catch (java.io.IOException e) {
            throw new LaunchException("Cannot create the configuration folder " + etc + " (" + e + ").",
                    LaunchException.FAILURE, e);
        }
    }

    private static int runOnce(Framework framework, Start start) throws LaunchException {
        try {
            framework.init();
            start.shutdown().attach(framework);
            ShellCommands.register(framework.getBundleContext());
            ConsoleConfiguration console = ConsoleConfiguration.listen(framework.getBundleContext(),
                    FrameworkProperties.CONSOLE_USER_NAME, start.password().value());
            BundleSync.Result sync = BundleSync.sync(framework.getBundleContext(), start.source(),
                    start.embedded().get(), start.config().dataDir());
            sync.failures().forEach(System.err::println);
            boolean bannerFirst = start.first() && start.interactive();
            if (bannerFirst) { // before Gogo's welcome and prompt, not in the middle of them
                Banner.warnIfExposed(start.config());
                Banner.print(start.config(), start.password(), sync, "starting");
                ShellBanner.print(start.config(), true);
            }
            if (!start.shutdown().requested()) {
                framework.start();
                String problem = console.awaitApplied(CONSOLE_READY);
                boolean answers = problem != null || !console.running()
                        || ConsoleAnswers.await(start.config(), CONSOLE_READY);
                if (!start.shutdown().requested()) { // a stop asked for meanwhile explains both
                    if (problem != null) {
                        System.err.println(problem);
                    } else if (!answers) {
                        System.err.println("The web console does not answer yet on port "
                                + start.config().httpPort() + "; it may still be starting.");
                    }
                }
            }
            // a signal that came during the start, or before it, stops the framework now: once the console answers,
            // the start's flood of service events is over, and EventAdmin (which stops first) stops idle
            start.shutdown().started();
            if (!start.shutdown().requested() && start.first() && !bannerFirst) {
                Banner.warnIfExposed(start.config());
                Banner.print(start.config(), start.password(), sync, "started");
                ShellBanner.print(start.config(), false);
            }
            return framework.waitForStop(0).getType();
        } catch (BundleException | IOException e) {
            throw new LaunchException("The OSGi framework failed to start (" + e.getMessage() + ").",
                    LaunchException.FAILURE, e);
        } catch (ExecutionException e) {
            throw new LaunchException("Cannot read the bundles embedded in the launcher jar (" + e.getCause() + ").",
                    LaunchException.FAILURE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FrameworkEvent.STOPPED;
        }
    }
}
