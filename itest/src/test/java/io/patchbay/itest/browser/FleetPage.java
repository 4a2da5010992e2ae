package io.patchbay.itest.browser;

import java.time.Duration;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console's Fleet page as an operator reads it: the agent's table (server, controller, state, failing, ...)
 * or, while no agent is configured, the sentence that says so. The page polls {@code fleet.json} every two seconds;
 * every wait has a deadline.
 */
public final class FleetPage {

    public static final String SERVER = "fleet-server";
    public static final String CONTROLLER = "fleet-controller";
    public static final String STATE = "fleet-state";
    public static final String FAILING = "fleet-failing";
    public static final String ACTION = "fleet-action";

    private final WebDriver driver;
    private final WebDriverWait wait;

    public FleetPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Logs in with basic auth in the URL and waits until the page has drawn its first answer. */
    public FleetPage open(int port, String user, String password) {
        driver.get("http://" + user + ":" + password + "@127.0.0.1:" + port + "/system/console/fleet");
        wait.withMessage("waiting for the Fleet page's first answer")
                .until(d -> !notConfigured().isEmpty() || !shown(CONTROLLER).isEmpty());
        return this;
    }

    /** The sentence shown while no agent is configured; empty while the agent's table is shown. */
    public String notConfigured() {
        return driver.findElement(By.id("fleet-text")).getText();
    }

    /** The text of one cell of the agent's table, by its id ({@link #STATE} ...); empty while hidden. */
    public String shown(String cell) {
        return driver.findElement(By.id(cell)).getText();
    }

    /** Waits until the cell's text satisfies {@code expected}, and returns it. */
    public String await(String cell, Predicate<String> expected) {
        return wait.withMessage("waiting for " + cell + " to change; it shows '" + shown(cell) + "'")
                .until(d -> expected.test(shown(cell)) ? shown(cell) : null);
    }

    /** Waits until the page says that no agent is configured, and returns the sentence. */
    public String awaitNotConfigured() {
        return wait.withMessage("waiting for the page to say that no agent is configured")
                .until(d -> notConfigured().isEmpty() ? null : notConfigured());
    }
}
