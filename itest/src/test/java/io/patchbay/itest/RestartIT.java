package io.patchbay.itest;

import static io.patchbay.itest.EmbeddedFelix.call;
import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * A real framework restart on the same storage: the patched route and the ledger survive, and the very first call
 * a consumer makes after the restart (from its activation) is answered by the patch.
 */
public class RestartIT {

    private static final String MANAGER = "(objectClass=io.patchbay.api.PatchManager)";
    private static final String STATIC_CONSUMER = "(&(objectClass=io.patchbay.fixture.consumers.PriceCaller)(kind=ds-static))";

    @Test
    public void patchedRouteIsActiveBeforeTheFirstCallAfterARestart() throws Exception {
        Path storage = Files.createTempDirectory("patchbay-restart");
        List<java.io.File> consumers = List.of(Container.fixture("consumers"));

        try (EmbeddedFelix first = new EmbeddedFelix(storage, Container.freePort()).install(consumers).start()) {
            Object consumer = first.service(STATIC_CONSUMER);
            assertEquals("com.example.pricing.impl 1.0.0", call(call(consumer, "firstAnswer"), "servedBy"));
            Object manager = first.service(MANAGER);
            Object change = call(manager, "apply", Container.fixPatch().getPath(), "survives restarts", "itest");
            assertEquals(FIXED, change.getClass().getField("to").get(change));
        }

        try (EmbeddedFelix second = new EmbeddedFelix(storage, Container.freePort()).start()) {
            Object consumer = second.service(STATIC_CONSUMER);
            Object firstAnswer = call(consumer, "firstAnswer");
            assertEquals("the first call after the restart", "com.example.pricing.impl 1.0.1",
                    call(firstAnswer, "servedBy"));
            assertEquals("90.00", call(call(firstAnswer, "total"), "toPlainString"));

            Object manager = second.service(MANAGER);
            Object slot = call(manager, "slot", SLOT);
            Object active = slot.getClass().getField("active").get(slot);
            assertEquals(FIXED, active.getClass().getField("id").get(active));
            List<?> history = (List<?>) call(manager, "history", SLOT);
            Object newest = history.get(0);
            assertEquals("apply", newest.getClass().getField("action").get(newest));
            assertEquals("survives restarts", newest.getClass().getField("reason").get(newest));
            assertTrue(Files.exists(storage));
        }
    }

    /**
     * Someone edits an entry in the middle of a real container's ledger while it is stopped: after the restart the
     * manager says so (status, with the entry), and keeps working: routes restored, revert works and is recorded.
     */
    @Test
    public void aLedgerEditedInTheMiddleIsReportedAndTheManagerKeepsWorking() throws Exception {
        Path storage = Files.createTempDirectory("patchbay-ledger-edit");
        String fix = Container.fixPatch().getPath();
        try (EmbeddedFelix first = new EmbeddedFelix(storage, Container.freePort()).install(List.of()).start()) {
            Object manager = first.service(MANAGER);
            call(manager, "apply", fix, "first", "itest");
            call(manager, "revert", SLOT, "second", "itest");
            call(manager, "apply", fix, "third", "itest");
            assertEquals(Boolean.TRUE, field(call(manager, "status"), "ledgerIntact"));
        }
        Path ledger;
        try (Stream<Path> files = Files.walk(storage)) {
            ledger = files.filter(f -> f.getFileName().toString().equals("ledger.jsonl")).findFirst().orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger));
        assertEquals(3, lines.size());
        lines.set(1, lines.get(1).replace("\"reason\":\"second\"", "\"reason\":\"edited later\""));
        Files.write(ledger, lines);

        try (EmbeddedFelix second = new EmbeddedFelix(storage, Container.freePort()).start()) {
            Object manager = second.service(MANAGER);
            Object status = call(manager, "status");
            assertEquals(Boolean.FALSE, field(status, "ledgerIntact"));
            String sentence = (String) field(status, "ledger");
            assertTrue(sentence, sentence.startsWith("The ledger was edited: entry 2 ("));
            assertTrue(sentence, sentence.contains("does not match its hash"));
            assertEquals("patch status carries it", sentence,
                    field(field(call(manager, "status", FIXED), "manager"), "ledger"));

            assertEquals(FIXED, field(field(call(manager, "slot", SLOT), "active"), "id"));
            assertEquals(ORIGINAL, field(call(manager, "revert", SLOT, "after the edit", "itest"), "to"));
            List<?> history = (List<?>) call(manager, "history", SLOT);
            assertEquals(4, history.size());
            assertEquals("edited later", field(history.get(2), "reason"));
            assertEquals(Boolean.FALSE, field(call(manager, "status"), "ledgerIntact"));
        }
    }

    private static Object field(Object dto, String name) throws Exception {
        return dto.getClass().getField(name).get(dto);
    }

    /**
     * Interfaces managed by a ConfigAdmin configuration (not a framework property) hold from the first service on
     * after a restart: the manager reads the configuration as ConfigAdmin starts, before the application.
     */
    @Test
    public void configuredInterfacesAreManagedFromTheFirstServiceAfterARestart() throws Exception {
        Path storage = Files.createTempDirectory("patchbay-restart-config");
        String servlet = "jakarta.servlet.Servlet@5.0.0#com.example.pricing.web.QuoteServlet";
        try (EmbeddedFelix first = new EmbeddedFelix(storage, Container.freePort()).install(List.of()).start()) {
            Object admin = first.service("(objectClass=org.osgi.service.cm.ConfigurationAdmin)");
            Object configuration = call(admin, "getConfiguration", "io.patchbay.core", "?");
            java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
            properties.put("managed.interfaces", new String[] { "jakarta.servlet.Servlet" });
            call(configuration, "update", (java.util.Dictionary<String, Object>) properties);
        }
        try (EmbeddedFelix second = new EmbeddedFelix(storage, Container.freePort()).start()) {
            Object manager = second.service(MANAGER);
            List<?> slots = (List<?>) call(manager, "slots");
            List<Object> ids = new java.util.ArrayList<>();
            for (Object slot : slots) {
                ids.add(slot.getClass().getField("id").get(slot));
            }
            assertTrue("the quote servlet is managed from its first registration: " + ids, ids.contains(servlet));
        }
    }

    /**
     * A container stopped in the middle of a canary comes back on the baseline: the canary's open operation is
     * recorded as interrupted, the candidate it installed is removed, and no canary runs.
     */
    @Test
    public void aCanaryInProgressEndsOnItsBaselineAtTheNextStart() throws Exception {
        Path storage = Files.createTempDirectory("patchbay-restart-canary");
        try (EmbeddedFelix first = new EmbeddedFelix(storage, Container.freePort()).install(List.of()).start()) {
            Object manager = first.service(MANAGER);
            Object canary = call(manager, "canary", null, Container.fixPatch().getPath(), null, "try it", "itest");
            assertEquals(FIXED, field(canary, "candidate"));
            assertEquals(1, ((List<?>) call(manager, "canaries")).size());
        }
        try (EmbeddedFelix second = new EmbeddedFelix(storage, Container.freePort()).start()) {
            Object manager = second.service(MANAGER);
            assertTrue(((List<?>) call(manager, "canaries")).isEmpty());
            Object slot = call(manager, "slot", SLOT);
            assertEquals(ORIGINAL, field(field(slot, "active"), "id"));
            assertTrue("the candidate the canary installed is gone", ((List<?>) field(slot, "standby")).isEmpty());
            Object newest = ((List<?>) call(manager, "history", SLOT)).get(0);
            assertEquals("interrupted", field(newest, "action"));
            String reason = (String) field(newest, "reason");
            assertTrue(reason, reason.startsWith("canary of " + FIXED + " by itest was cut short when the container"
                    + " stopped; " + SLOT + " stays on " + ORIGINAL));
            assertFalse((Boolean) field(call(manager, "status", FIXED), "installed"));
        }
    }
}
