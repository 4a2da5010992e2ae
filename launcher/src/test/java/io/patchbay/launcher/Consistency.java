package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a container started again after a crash must show: the pricing slot on the implementation it had before
 * the operation or after it, the code of that implementation answering, a ledger that accounts for the route, no
 * bundle or file left half done, and a revert that works if a patch is live.
 */
final class Consistency {

    static final String ORIGINAL = "com.example.pricing.impl/1.0.0";
    static final String FIX = "com.example.pricing.impl/1.0.1";
    static final String FRAGMENT = "com.example.pricing.impl/1.0.0+com.example.pricing.impl.fragment/1.0.1";

    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    private static final Set<String> NOT_ROUTING = Set.of("interrupted", "canary", "step", "hold", "resume");

    private Consistency() {
    }

    /**
     * Checks the restarted container; answers the slot's active implementation, after a revert if a patch was live
     * and {@code revert} is set.
     */
    static String check(LauncherProcess process, String base, ConsoleApi api, Path data, Set<String> beforeOrAfter,
            boolean revert, String what) throws IOException, InterruptedException {
        JsonNode slot = api.slot();
        String active = slot.path("active").path("id").asText(null);
        assertTrue(what + ": the slot runs " + active + ", neither before nor after " + beforeOrAfter + "; slot "
                + slot + "; ledger " + api.ledger() + "\n" + process.output(), beforeOrAfter.contains(active));
        assertServes(process, base, active, what);
        assertLedgerAccountsFor(api, active, what);
        assertNothingHalfDone(api, slot, data, what);
        if (revert && !active.equals(ORIGINAL)) {
            JsonNode reverted = api.revert();
            assertTrue(what + ": revert of a live patch: " + reverted, reverted.path("ok").asBoolean());
            active = api.slot().path("active").path("id").asText(null);
            assertEquals(what + ": after revert", ORIGINAL, active);
            assertServes(process, base, active, what + ", reverted");
            assertLedgerAccountsFor(api, active, what + ", reverted");
        }
        return active;
    }

    private static void assertServes(LauncherProcess process, String base, String active, String what) {
        Http.Response quote = Http.await(base + QUOTE, null, null, 200, Duration.ofSeconds(30), process);
        String total = active.equals(ORIGINAL) ? "\"total\":81.00" : "\"total\":90.00";
        assertTrue(what + ": " + active + " should answer " + total + ": " + quote.body(), quote.body().contains(total));
    }

    /**
     * The newest entry that routed the slot routed it to what runs (none: the slot never left the original). A
     * canary's start, steps, holds and an operation cut short route nothing; its end (revert, auto-revert) routes
     * every call to its baseline, its promotion to its candidate.
     */
    private static void assertLedgerAccountsFor(ConsoleApi api, String active, String what)
            throws IOException, InterruptedException {
        List<JsonNode> entries = api.ledger();
        String routed = ORIGINAL;
        for (JsonNode entry : entries) {
            if (!NOT_ROUTING.contains(entry.path("action").asText())) {
                routed = entry.path("to").asText(null);
            }
        }
        assertEquals(what + ": the ledger's last route " + entries, active, routed);
    }

    private static void assertNothingHalfDone(ConsoleApi api, JsonNode slot, Path data, String what)
            throws IOException, InterruptedException {
        Set<String> serving = new HashSet<>();
        String active = slot.path("active").path("id").asText();
        serving.add(active.split("\\+")[0]);
        slot.path("standby").forEach(standby -> serving.add(standby.path("id").asText()));
        for (JsonNode bundle : api.bundles().path("data")) {
            String name = bundle.path("symbolicName").asText();
            String id = name + "/" + bundle.path("version").asText();
            if (name.equals("com.example.pricing.impl")) {
                assertTrue(what + ": " + id + " is installed but serves nothing: " + serving, serving.contains(id));
            } else if (name.equals("com.example.pricing.impl.fragment")) {
                assertEquals(what + ": the fragment is installed but not attached", FRAGMENT, active);
            }
        }
        try (Stream<Path> files = Files.walk(data)) {
            List<Path> left = files.filter(f -> f.getFileName().toString().equals("operations.properties")
                    || f.getFileName().toString().equals("carrying-data-area")
                    || f.getFileName().toString().matches("data\\.patchbay-(incoming|ready|old)")
                    || f.getParent() != null && f.getParent().getFileName().toString().equals("incoming")).toList();
            assertFalse(what + ": left behind: " + left, !left.isEmpty());
        }
    }
}
