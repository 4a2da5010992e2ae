package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
import org.junit.Test;

/** The {@code patch} commands typed into a real Gogo console, in the container the launcher ships. */
public class ShellIT extends ContainerTest {

    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";
    /** The slot by a suffix that stays unique when the 2.0 pricing API runs beside 1.0. */
    private static final String SHORT = "PriceService@1.0.0";
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    @Inject
    private CommandProcessor processor;

    private Gosh shell;

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
        awaitService("(osgi.command.scope=patch)");
        awaitService("(osgi.converter.classes=io.patchbay.api.dto.SlotDTO)");
        shell = new Gosh(processor);
    }

    @Test
    public void listShowsTheSlotNumberedWithItsActiveImplementation() throws Exception {
        String list = shell.type("patch:list");
        List<String> lines = list.lines().toList();
        assertTrue(list, lines.get(0).matches("#\\s+SLOT \\(interface@API version#name\\)\\s+CONSUMERS"));
        int row = row(lines, SLOT);
        assertTrue(list, lines.get(row).matches("\\d+  " + Pattern.quote(SLOT) + "\\s+[1-9]\\d*"));
        assertTrue(list, lines.get(row + 1).matches("\\s+active\\s+" + Pattern.quote(ORIGINAL) + "\\s+bundle \\d+"));
        assertWithinEightyColumns(list);

        String number = lines.get(row).split(" ")[0];
        String info = shell.type("patch:info " + number);
        assertTrue(info, info.startsWith(SLOT + "\n"));
        assertTrue(info, info.contains("\nConsumers\n"));
        assertTrue(info, info.matches("(?s).*\n  bundle \\d+  com\\.example\\.pricing\\.web 1\\.0\\.0\n.*"));
        assertWithinEightyColumns(info);
    }

    @Test
    public void applyServesTheFixRevertGoesBackAndHistoryShowsBothNewestFirst() throws Exception {
        Http http = new Http(context);
        assertQuote(http.await(QUOTE, 200, Duration.ofSeconds(20)), "81.00", "com.example.pricing.impl 1.0.0");

        String applied = shell.type("patch:apply " + Container.fixPatch().getPath() + " --reason \"PRICING-42\"");
        assertEquals(SLOT + "\n  " + ORIGINAL + " -> " + FIXED, applied);
        assertQuote(http.get(QUOTE), "90.00", "com.example.pricing.impl 1.0.1");
        assertTrue(shell.type("patch:status " + FIXED).startsWith("yes: " + FIXED + " is applied"));

        assertEquals(SLOT + "\n  " + FIXED + " -> " + ORIGINAL, shell.type("patch:revert " + SHORT));
        assertQuote(http.get(QUOTE), "81.00", "com.example.pricing.impl 1.0.0");
        assertTrue(shell.type("patch:status " + FIXED).startsWith("no: "));
        assertEquals("the container's own status: the ledger's integrity, and no trust store", String.join("\n",
                "The ledger is intact: " + manager.history(null).size() + " entries, chained.",
                "Patches are not verified: no trust store is configured (trust.store), so any",
                "  well-formed patch is applied."), shell.type("patch:status"));
        assertTrue(shell.type("patch:status " + FIXED).endsWith("well-formed patch is applied."));

        List<String> history = shell.type("patch:history " + SHORT).lines().toList();
        assertTrue(history.get(0), history.get(0).matches(TIME + "  revert\\s+" + Pattern.quote(SLOT)));
        assertEquals("  " + FIXED + " -> " + ORIGINAL, history.get(1));
        assertEquals("  by shell", history.get(2));
        assertTrue(history.get(3), history.get(3).matches(TIME + "  apply\\s+" + Pattern.quote(SLOT)));
        assertEquals("  " + ORIGINAL + " -> " + FIXED, history.get(4));
        assertEquals("  by shell: PRICING-42", history.get(5));
    }

    @Test
    public void aStandbyIsActivatedByNameAndARelativePathFollowsCd() throws Exception {
        File fix = Container.fixPatch();
        String applied = shell.type("cd " + fix.getParentFile().getPath() + " ; patch:apply " + fix.getName()
                + " --actor alice");
        assertEquals(SLOT + "\n  " + ORIGINAL + " -> " + FIXED, applied);
        shell.type("patch:revert " + SHORT);

        assertEquals(SLOT + "\n  " + ORIGINAL + " -> " + FIXED,
                shell.type("patch:activate -r \"try again\" " + SHORT + " " + FIXED));
        assertEquals(FIXED, manager.slot(SLOT).active.id);
        assertEquals("alice", manager.history(SLOT).get(2).actor);
        assertEquals("try again", manager.history(SLOT).get(0).reason);
    }

    @Test
    public void helpDescribesTheCommandsAndTheirParameters() throws Exception {
        String help = shell.type("help patch:apply");
        assertTrue(help, help.contains("apply - applies a patch: installs it, moves every consumer of its slot onto it"));
        assertTrue(help, help.contains("-r, --reason   why, for the ledger"));
        assertTrue(help, help.contains("-a, --actor   who, for the ledger (default: shell)"));
        assertTrue(help, help.contains("String   patch jar: URL, or file path relative to the current directory"));
        assertTrue(shell.type("help patch"), shell.type("help patch").contains("patch - lists the patch commands"));
        assertTrue(shell.type("patch").contains("patch:apply <path|URL> [-r <reason>]"));
        for (String function : List.of("patch", "list", "info", "apply", "revert", "activate", "history", "status")) {
            assertWithinEightyColumns(shell.type("help patch:" + function));
        }
    }

    @Test
    public void aMissingFileIsOneSentenceAndChangesNothing() throws Exception {
        assertEquals("gogo: PatchException: There is no file /no/such/patch.jar.",
                refused("patch:apply /no/such/patch.jar"));
    }

    @Test
    public void aFileThatIsNotAJarIsOneSentenceAndChangesNothing() throws Exception {
        File text = Fixtures.text("notes", "not a jar at all");
        assertEquals("gogo: PatchException: " + text.getPath() + " is not a jar file.",
                refused("patch:apply " + text.getPath()));
    }

    @Test
    public void anUnknownSlotIsOneSentenceNamingTheSlotsAndChangesNothing() throws Exception {
        String refused = refused("patch:revert Nope");
        // PatchException, or the subclass the manager may use for a slot name that matches none
        assertTrue(refused, refused.matches(
                "gogo: (Patch|UnknownSlot)Exception: No slot matches 'Nope'; the slots are: .*"));
        assertTrue(refused, refused.contains(SLOT));
    }

    /** Types a line that must fail: one line of output, and bundles, routes and ledger exactly as before. */
    private String refused(String line) throws Exception {
        List<String> bundles = Fixtures.bundles(context);
        List<String> routes = Fixtures.routes(manager);
        int ledger = manager.history(null).size();
        String output = shell.type(line);
        assertEquals(output, 1, output.lines().count());
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(routes, Fixtures.routes(manager));
        assertEquals(ledger, manager.history(null).size());
        return output;
    }

    private static int row(List<String> lines, String slot) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\d+  " + Pattern.quote(slot) + " .*")) {
                return i;
            }
        }
        throw new AssertionError("No row for " + slot + " in\n" + String.join("\n", lines));
    }

    private static void assertQuote(HttpResponse<String> answer, String total, String servedBy) {
        assertEquals(answer.body(), 200, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("\"total\":" + total + ","));
        assertTrue(answer.body(), answer.body().contains("\"servedBy\":\"" + servedBy + "\""));
    }

    private static void assertWithinEightyColumns(String text) {
        text.lines().forEach(line -> assertTrue("within 80 columns: " + line, line.length() < 80));
    }
}
