package io.patchbay.itest.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A real headless Chromium from the Debian packages, driven by Selenium with the binary and the driver named
 * explicitly (Selenium Manager never downloads anything). Missing Chromium is a failure, not a skip: CI installs
 * it with {@code apt-get install -y chromium chromium-driver}.
 */
public final class Chromium implements AutoCloseable {

    public static final File BINARY = new File("/usr/bin/chromium");
    public static final File DRIVER = new File("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts Chromium headless with a fresh profile, or fails saying how to install it. */
    public static Chromium start() throws IOException {
        for (File file : List.of(BINARY, DRIVER)) {
            if (!file.canExecute()) {
                throw new AssertionError(file + " is missing: the browser tests need Debian's Chromium. Install it "
                        + "with 'apt-get update && apt-get install -y chromium chromium-driver'.");
            }
        }
        Path profile = Files.createTempDirectory("patchbay-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1300", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        return new Chromium(profile, new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves a PNG of the visible page to {@code file}. */
    public void screenshot(File file) throws IOException {
        Files.createDirectories(file.getParentFile().toPath());
        Files.write(file.toPath(), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The page's console messages at SEVERE level so far (script errors, failed requests). */
    public List<String> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
