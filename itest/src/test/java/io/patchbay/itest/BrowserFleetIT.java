package io.patchbay.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.patchbay.itest.browser.Chromium;
import io.patchbay.itest.browser.FleetPage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * The web console's Fleet page in a real headless Chromium, against the real container: the page says no agent is
 * configured; an operator drops {@code io.patchbay.fleet.cfg} naming a hawkBit server that does not answer (as in
 * {@code FleetShellIT}, read here by the container's FileInstall) and the page shows the agent, its server and
 * controller, and that it backs off because it cannot connect; the file goes and the page says so again.
 */
public class BrowserFleetIT {

    private static final int PORT = Container.freePort();
    /** The folder FileInstall watches, as the launcher's {@code <data>/etc}. */
    private static final Path ETC = Path.of(System.getProperty("patchbay.build"), "browser-fleet-etc");
    private static final Path CONFIGURATION = ETC.resolve("io.patchbay.fleet.cfg");

    @ClassRule
    public static final PaxExamServer CONTAINER = new PaxExamServer();

    @Configuration
    public Option[] config() throws IOException {
        Files.createDirectories(ETC);
        Files.deleteIfExists(CONFIGURATION); // a configuration an earlier run left
        return new Option[] { composite(Container.options(PORT),
                frameworkProperty("felix.fileinstall.dir").value(ETC.toString()),
                frameworkProperty("felix.fileinstall.poll").value("200"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true")) };
    }

    @Test
    public void theFleetPageShowsTheAgentFromItsConfigurationOnAndItsGoingAway() throws Exception {
        File screenshots = new File(System.getProperty("patchbay.build"), "screenshots");
        // the console answers the page's JSON once the container has started its bundles in the background
        new Http(PORT).await("/system/console/fleet.json", "admin", Container.CONSOLE_PASSWORD, 200,
                Duration.ofSeconds(20));
        try (Chromium chromium = Chromium.start()) {
            FleetPage page = new FleetPage(chromium.driver()).open(PORT, "admin", Container.CONSOLE_PASSWORD);
            assertTrue(page.awaitNotConfigured(), page.notConfigured().startsWith("The fleet agent is not configured"));

            int unused = unusedPort();
            Files.writeString(CONFIGURATION, "url = http://127.0.0.1:" + unused + "\ncontrollerId = browser-it\n"
                    + "pollMs = 200\nmaxBackoffMs = 1000\n");
            String failing = page.await(FleetPage.FAILING, text -> text.contains("cannot connect"));
            assertTrue(failing, failing.matches("\\d+ poll\\(s\\) in a row: cannot connect.*"));
            assertEquals("http://127.0.0.1:" + unused + "/DEFAULT/controller/v1/browser-it",
                    page.shown(FleetPage.SERVER));
            assertEquals("browser-it", page.shown(FleetPage.CONTROLLER));
            assertEquals("backing off", page.shown(FleetPage.STATE));
            assertEquals("none yet", page.shown(FleetPage.ACTION));
            assertEquals("the sentence is hidden while the agent runs", "", page.notConfigured());
            chromium.screenshot(new File(screenshots, "fleet-backing-off.png"));

            Files.delete(CONFIGURATION);
            assertTrue(page.awaitNotConfigured().startsWith("The fleet agent is not configured"));
            assertEquals("the table is hidden once the agent is gone", "", page.shown(FleetPage.STATE));
            assertEquals("errors in the browser console", List.of(), chromium.errors());
        } finally {
            Files.deleteIfExists(CONFIGURATION);
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
