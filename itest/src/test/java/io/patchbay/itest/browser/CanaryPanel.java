package io.patchbay.itest.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Canary section of the Patches page as an operator uses it: the form that starts a canary, each canary's two
 * arms, state and judge's verdict as the page shows them, and its buttons. The section is refilled from every
 * poll of {@code patches.json}, so every read is a wait with a deadline that looks the elements up again.
 */
public final class CanaryPanel {

    /** The judge's verdict as the page shows it: the word ({@code wait}, {@code pass}, ...) and its sentence. */
    public record Verdict(String word, String sentence) {
    }

    private final WebDriver driver;
    private final WebDriverWait wait;

    public CanaryPanel(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Fills the form and presses Start canary: a jar to upload or a standby to choose (one of them {@code null}),
     * then each field by its name ({@code split}, {@code steps}, {@code keys}, {@code minCalls}, ..., {@code reason}).
     */
    public void start(File jar, String standby, Map<String, String> fields) {
        if (jar != null) {
            try {
                driver.findElement(By.id("pb-canary-file")).sendKeys(jar.getCanonicalPath()); // no ".." for chromedriver
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (standby != null) {
            await(standby + " offered as a standby", d -> !d.findElements(
                    By.cssSelector("#pb-canary-implementation option[value='" + standby + "']")).isEmpty());
            new Select(driver.findElement(By.id("pb-canary-implementation"))).selectByValue(standby);
        }
        WebElement judge = driver.findElement(By.id("pb-canary-judge"));
        fields.forEach((name, value) -> {
            WebElement field = driver.findElement(By.id("pb-canary-" + name));
            if (!field.isDisplayed() && judge.getAttribute("open") == null) {
                judge.findElement(By.tagName("summary")).click(); // the judge's fields are folded away
            }
            if (field.getTagName().equals("select")) {
                new Select(field).selectByValue(value);
            } else {
                field.clear();
                field.sendKeys(value);
            }
        });
        driver.findElement(By.id("pb-canary-button")).click();
    }

    /** Waits until the page shows a canary in {@code slot}. */
    public void awaitShown(String slot) {
        await("a canary shown in " + slot, d -> !d.findElements(By.cssSelector(canary(slot))).isEmpty());
    }

    /** Waits until the page shows no canary, and says so. */
    public void awaitNone() {
        await("no canary shown", d -> d.findElements(By.cssSelector("#pb-canaries .pb-canary")).isEmpty()
                && !d.findElements(By.cssSelector("#pb-canaries .pb-canary-none")).isEmpty());
    }

    /** The column head of an arm ({@code baseline} or {@code candidate}): its role and implementation. */
    public String head(String slot, String arm) {
        return text(canary(slot) + " th[data-arm='" + arm + "']");
    }

    /** One value of an arm as shown: {@code share}, {@code calls}, {@code errors}, {@code errorRate}, {@code p50}, ... */
    public String value(String slot, String arm, String field) {
        return text(canary(slot) + " td[data-arm='" + arm + "'][data-field='" + field + "']");
    }

    public long calls(String slot, String arm) {
        return Long.parseLong(value(slot, arm, "calls"));
    }

    public String state(String slot) {
        return text(canary(slot) + " .pb-canary-state");
    }

    /** The step line: which step, what goes to the candidate, since when. */
    public String step(String slot) {
        return text(canary(slot) + " .pb-canary-step");
    }

    public Verdict verdict(String slot) {
        return new Verdict(text(canary(slot) + " .pb-verdict-word"), text(canary(slot) + " .pb-verdict-reason"));
    }

    /** Runs {@code traffic} until the page shows a verdict that {@code wanted} accepts, and returns it. */
    public Verdict awaitVerdict(String slot, String what, Predicate<Verdict> wanted, Runnable traffic) {
        AtomicReference<String> shown = new AtomicReference<>("nothing yet");
        return wait.withMessage(() -> "waiting for " + what + "; the page last showed " + shown.get())
                .ignoring(StaleElementReferenceException.class).until(d -> {
                    traffic.run();
                    List<WebElement> word = d.findElements(By.cssSelector(canary(slot) + " .pb-verdict-word"));
                    List<WebElement> reason = d.findElements(By.cssSelector(canary(slot) + " .pb-verdict-reason"));
                    if (word.isEmpty() || reason.isEmpty()) {
                        shown.set("no canary in " + slot);
                        return null;
                    }
                    Verdict verdict = new Verdict(word.get(0).getText(), reason.get(0).getText());
                    shown.set(verdict.toString());
                    return wanted.test(verdict) ? verdict : null;
                });
    }

    /** Runs {@code traffic} until the page shows {@code arm} with more than {@code calls} calls, and returns them. */
    public long awaitCallsAbove(String slot, String arm, long calls, Runnable traffic) {
        return await("more than " + calls + " calls on the " + arm + " arm", d -> {
            traffic.run();
            long shown = calls(slot, arm);
            return shown > calls ? shown : null;
        });
    }

    /** Runs {@code traffic} until the page shows the canary in {@code state}. */
    public void awaitState(String slot, String state, Runnable traffic) {
        await("the canary in " + slot + " shown " + state, d -> {
            traffic.run();
            return state.equals(state(slot));
        });
    }

    /** Presses {@code Promote}, {@code Hold}, {@code Resume} or {@code Revert} on the slot's canary. */
    public void press(String slot, String button) {
        String css = canary(slot) + " button.pb-canary-" + button.toLowerCase();
        await(button + " enabled", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).isEnabled();
        });
        driver.findElement(By.cssSelector(css)).click();
    }

    private String text(String css) {
        return await(css, d -> d.findElement(By.cssSelector(css)).getText());
    }

    private <T> T await(String what, Function<WebDriver, T> condition) {
        return wait.withMessage("waiting for " + what).until(condition);
    }

    private static String canary(String slot) {
        return "#pb-canaries .pb-canary[data-slot='" + slot + "']";
    }
}
