package io.patchbay.itest.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console's Patches page as an operator uses it: what it shows and the buttons. Every wait has a deadline;
 * the page re-renders from its JSON poll, so stale elements are looked up again.
 */
public final class PatchesPage {

    /** The sentence the page shows after an action, and whether it is {@code ok} or {@code failed}. */
    public record Result(String kind, String sentence) {
    }

    private final WebDriver driver;
    private final WebDriverWait wait;

    public PatchesPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Logs in with basic auth in the URL and waits for the slots to be drawn. */
    public PatchesPage open(int port, String user, String password) {
        driver.get("http://" + user + ":" + password + "@127.0.0.1:" + port + "/system/console/patches");
        await("the slots to be drawn", d -> !d.findElements(By.cssSelector("#pb-slots .pb-slot")).isEmpty());
        return this;
    }

    /** The id of the implementation the page shows as active in {@code slot}, or {@code null}. */
    public String activeIn(String slot) {
        List<WebElement> rows = driver.findElements(By.cssSelector(slotSelector(slot) + " tr[data-state='active']"));
        return rows.isEmpty() ? null : rows.get(0).getAttribute("data-impl");
    }

    public void awaitActive(String slot, String implementation) {
        await(implementation + " shown active in " + slot, d -> implementation.equals(activeIn(slot)));
    }

    /** Chooses the jar, types the reason and presses Apply patch. */
    public void apply(File jar, String reason) {
        try {
            // chromedriver refuses paths with ".." in them
            driver.findElement(By.id("pb-file")).sendKeys(jar.getCanonicalPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebElement field = driver.findElement(By.id("pb-reason"));
        field.clear();
        field.sendKeys(reason);
        driver.findElement(By.id("pb-apply-button")).click();
    }

    public void revert(String slot) {
        driver.findElement(By.cssSelector(slotSelector(slot) + " button.pb-revert")).click();
    }

    /** Waits for the sentence of the action just started (the page shows "busy" until the answer is in). */
    public Result awaitResult() {
        return await("the result of the action", d -> {
            WebElement result = d.findElement(By.id("pb-result"));
            String kind = result.getAttribute("class").replace("pb-result", "").replace("pb-", "").trim();
            return kind.equals("ok") || kind.equals("failed") ? new Result(kind, result.getText()) : null;
        });
    }

    /**
     * Runs {@code traffic} until the chart has drawn a few samples of {@code implementation}, the latest above zero
     * calls per second.
     */
    public void awaitCalls(String implementation, Runnable traffic) {
        await("calls to " + implementation + " in the chart", d -> {
            traffic.run();
            return d.findElements(By.cssSelector("#pb-legend [data-series='" + implementation + "']")).stream()
                    .anyMatch(e -> Integer.parseInt(e.getAttribute("data-points")) >= 3
                            && Double.parseDouble(e.getAttribute("data-rate")) > 0);
        });
    }

    /** The line under the counts: the ledger's integrity and whether patches are verified, once drawn. */
    public String integrity() {
        return await("the ledger's integrity line", d -> {
            String text = d.findElement(By.id("pb-integrity")).getText();
            return text.isBlank() ? null : text;
        });
    }

    /** Every error the page shows: a failed action, a refresh that failed. Empty when all is well. */
    public List<String> shownErrors() {
        List<String> errors = new ArrayList<>();
        driver.findElements(By.cssSelector("#patchbay .pb-failed, #patchbay .pb-stale"))
                .forEach(e -> errors.add(e.getText()));
        return errors;
    }

    private <T> T await(String what, Function<WebDriver, T> condition) {
        return wait.withMessage("waiting for " + what).until(condition);
    }

    private static String slotSelector(String slot) {
        return ".pb-slot[data-slot='" + slot + "']";
    }
}
