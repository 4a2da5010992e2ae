package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.api.dto.SlotDTO;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/**
 * The surprises {@code patch:status} warns of, one sentence each (a later release shadowed by a saved route, an
 * idle standby, a patch failing more than its predecessor), and slot numbers that stay with their slot while
 * other slots come and go.
 */
public class StatusWarningsIT extends ContainerTest {

    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final String REFUSED = "/pricing/quote?sku=WIDGET&qty=-1";

    @Inject
    private CommandProcessor processor;

    private Gosh shell;

    @Override
    protected List<Option> extras() {
        return List.of(frameworkProperty("patchbay.standby.idle.warn.ms").value("1500"));
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
        awaitService("(&(osgi.command.scope=patch)(osgi.command.function=status))");
        awaitService("(osgi.converter.classes=io.patchbay.api.dto.ManagerStatusDTO)");
        shell = new Gosh(processor);
    }

    @Test
    public void aSavedRouteThatShadowsANewerVersionOfTheSameBundleIsAWarning() throws Exception {
        manager.apply(Container.fixPatch().getPath(), "shadow test", "itest");
        manager.revert(SLOT, "shadow test", "itest");
        assertTrue("a newer version the slot ran and left on purpose is no surprise: " + warnings(),
                warnings().stream().noneMatch(w -> w.contains(" keeps ")));
        manager.activate(SLOT, FIXED, "shadow test", "itest");
        Bundle later = context.installBundle(Fixtures.jar("later", Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "com.example.pricing.impl", "Bundle-Version", "1.0.2")).toURI().toString());
        try {
            String expected = SLOT + " keeps " + FIXED + " (its saved route) although com.example.pricing.impl/1.0.2,"
                    + " a newer version of the same bundle, is installed (bundle " + later.getBundleId()
                    + "): activate it if it is meant to replace the patch.";
            assertTrue(warnings().toString(), warnings().contains(expected));
            String status = shell.type("patch:status").replaceAll("\\s+", " ");
            assertTrue(status, status.contains("WARNING: " + expected));
        } finally {
            later.uninstall();
        }
        assertTrue(warnings().toString(), warnings().stream().noneMatch(w -> w.contains(" keeps ")));
    }

    @Test
    public void aStandbyIdleLongerThanTheConfiguredAgeIsAWarning() throws Exception {
        manager.apply(Container.fixPatch().getPath(), "idle test", "itest");
        manager.revert(SLOT, "idle test", "itest");
        String idle = FIXED + " has been an idle standby of " + SLOT + " for ";
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        while (warnings().stream().noneMatch(w -> w.startsWith(idle))) {
            assertFalse("no idle warning for " + FIXED + ": " + warnings(), deadline.passed());
            deadline.pause();
        }
        String warning = warnings().stream().filter(w -> w.startsWith(idle)).findFirst().orElseThrow();
        assertTrue(warning, warning.endsWith(" (standby.idle.warn.ms is 1 second): uninstall it if no revert will"
                + " need it."));
        assertTrue(warnings().toString(), warnings().stream().noneMatch(w -> w.startsWith(ORIGINAL + " has been")));
        manager.activate(SLOT, FIXED, "idle test", "itest");
        assertTrue("active again, not idle: " + warnings(), warnings().stream().noneMatch(w -> w.startsWith(idle)));
    }

    @Test
    public void aPatchFailingMoreThanItsPredecessorIsAWarning() throws Exception {
        Http http = new Http(context);
        for (int i = 0; i < 10; i++) {
            assertEquals(200, http.get(QUOTE).statusCode());
        }
        manager.apply(Container.fixPatch().getPath(), "failing test", "itest");
        String failing = SLOT + "'s active " + FIXED + " fails more than " + ORIGINAL + " did: ";
        for (int i = 0; i < 8; i++) {
            assertEquals(200, http.get(QUOTE).statusCode());
        }
        http.get(REFUSED);
        assertTrue("9 calls are too few to judge: " + warnings(),
                warnings().stream().noneMatch(w -> w.startsWith(failing)));
        for (int i = 0; i < 3; i++) {
            http.get(REFUSED);
        }
        String warning = warnings().stream().filter(w -> w.startsWith(failing)).findFirst()
                .orElseThrow(() -> new AssertionError("no warning: " + warnings()));
        assertTrue(warning, warning.matches(java.util.regex.Pattern.quote(failing)
                + "4 of 12 calls \\(33\\.33 %\\) against \\d+ of \\d+ \\(0\\.00 %\\); revert if this is the patch's"
                + " doing\\."));
        manager.revert(SLOT, "failing test", "itest");
        assertTrue(warnings().toString(), warnings().stream().noneMatch(w -> w.contains(" fails more than ")));
    }

    @Test
    public void slotNumbersStayWithTheirSlotWhileOthersComeAndGo() throws Exception {
        int number = manager.slot(SLOT).number;
        List<SlotDTO> before = manager.slots();
        ServiceRegistration<Supplier<String>> first = managed("aaa.first");
        int firstNumber = manager.slot("aaa.first").number;
        assertTrue(before.stream().allMatch(s -> s.number < firstNumber));
        assertEquals("a new slot moves no other's number", number, manager.slot(SLOT).number);
        assertTrue(shell.type("patch:list").lines().anyMatch(l -> l.startsWith(number + "  " + SLOT + " ")));
        first.unregister(); // its bundle stays active: the slot waits one damping timeout for it to come back
        awaitRetired("aaa.first");
        ServiceRegistration<Supplier<String>> second = managed("aaa.second");
        try {
            assertNotEquals("a retired slot's number is not given again", firstNumber,
                    manager.slot("aaa.second").number);
            assertEquals(SLOT, manager.slot(String.valueOf(number)).id);
            String refused = shell.type("patch:revert " + firstNumber);
            assertTrue(refused, refused.startsWith("gogo: UnknownSlotException: There is no slot number "
                    + firstNumber + "; the numbers are "));
        } finally {
            second.unregister();
        }
    }

    private ServiceRegistration<Supplier<String>> managed(String name) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PatchbayConstants.MANAGED, "true");
        properties.put("patchbay.slot", name);
        Supplier<String> service = () -> name;
        ServiceRegistration<Supplier<String>> registration = context.registerService(
                (Class<Supplier<String>>) (Class<?>) Supplier.class, service, properties);
        assertNotNull(manager.slot(name));
        return registration;
    }

    private void awaitRetired(String slot) {
        Deadline deadline = new Deadline(Duration.ofSeconds(20));
        while (manager.slots().stream().anyMatch(s -> slot.equals(s.name))) {
            assertFalse(slot + " was still there 20 s after its service was unregistered", deadline.passed());
            deadline.pause();
        }
    }

    private List<String> warnings() {
        return manager.status().warnings;
    }

}
