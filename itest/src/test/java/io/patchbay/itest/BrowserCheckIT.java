package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.itest.browser.Chromium;
import io.patchbay.itest.browser.PatchesPage;
import io.patchbay.itest.browser.PatchesPage.Result;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * The Check button of the Patches page in a real headless Chromium: the dry run of the example patch says what
 * Apply would do and changes nothing; a file that is no jar gets Apply's sentence. Screenshot:
 * {@code itest/target/screenshots/patches-check.png}.
 */
public class BrowserCheckIT {

    private static final int PORT = Container.freePort();

    @ClassRule
    public static final PaxExamServer CONTAINER = new PaxExamServer();

    @Configuration
    public Option[] config() {
        return new Option[] { Container.options(PORT) };
    }

    @Test
    public void anOperatorChecksAPatchBeforeApplyingIt() throws Exception {
        Http http = new Http(PORT);
        awaitPlugin(http);
        try (Chromium chromium = Chromium.start()) {
            WebDriver driver = chromium.driver();
            PatchesPage page = new PatchesPage(driver).open(PORT, "admin", Container.CONSOLE_PASSWORD);
            page.awaitActive(SLOT, ORIGINAL);

            check(driver, Container.fixPatch());
            Result wouldApply = page.awaitResult();
            assertEquals(wouldApply.sentence(), "ok", wouldApply.kind());
            assertTrue(wouldApply.sentence(), wouldApply.sentence().startsWith("com.example.pricing.impl.fix-1.0.1.jar"
                    + " would be applied: " + SLOT + " would run com.example.pricing.impl/1.0.1 instead of " + ORIGINAL));
            assertTrue(wouldApply.sentence(), wouldApply.sentence().contains("\nReplaces: " + ORIGINAL + "\n"));
            assertTrue(wouldApply.sentence(), wouldApply.sentence().contains("\nResolution: It resolves against"));
            assertTrue(wouldApply.sentence(), wouldApply.sentence().contains(
                    "\n  package com.example.pricing.api 1.0.0 from com.example.pricing.api/1.0.0\n"));
            chromium.screenshot(new File(new File(System.getProperty("patchbay.build"), "screenshots"),
                    "patches-check.png"));
            assertEquals("the check applied nothing", ORIGINAL, page.activeIn(SLOT));
            assertEquals(0, ((Number) state(http).get("ledgerTotal")).intValue());

            File notAJar = Fixtures.text("notes", "not a jar at all");
            check(driver, notAJar);
            assertEquals(new Result("failed", notAJar.getName() + " is not a jar file."), page.awaitResult());
            // the browser logs every answer of status 400; the refused check is the one it may log
            assertEquals(List.of(), chromium.errors().stream()
                    .filter(e -> !e.contains("/system/console/patches/check") || !e.contains("400")).toList());
        }
    }

    private static void check(WebDriver driver, File jar) throws Exception {
        driver.findElement(By.id("pb-file")).sendKeys(jar.getCanonicalPath()); // no ".." for chromedriver
        driver.findElement(By.id("pb-check-button")).click();
    }

    private static Map<String, Object> state(Http http) {
        return Json.object(http.get("/system/console/patches.json", "admin", Container.CONSOLE_PASSWORD).body());
    }

    private static void awaitPlugin(Http http) {
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        while (http.get("/system/console/patches.json", "admin", Container.CONSOLE_PASSWORD).statusCode() != 200) {
            if (deadline.passed()) {
                throw new AssertionError("The Patches plugin did not answer within 20 s");
            }
            deadline.pause();
        }
    }
}
