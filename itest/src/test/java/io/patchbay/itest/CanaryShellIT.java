package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
import org.junit.Test;
import org.osgi.util.tracker.ServiceTracker;

/** The canary commands typed into a real Gogo console, with the example's real HTTP endpoint and its X-Tenant. */
public class CanaryShellIT extends ContainerTest {

    private static final String QUOTE = "/pricing/quote?sku=WIDGET&qty=10";

    @Inject
    private CommandProcessor processor;

    private Gosh shell;
    private Http http;

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
        ServiceTracker<Object, Object> commands = new ServiceTracker<>(context,
                context.createFilter("(osgi.command.function=canary)"), null);
        commands.open(true);
        assertNotNull(commands.waitForService(Duration.ofSeconds(20).toMillis()));
        commands.close();
        shell = new Gosh(processor);
        http = new Http(context);
        http.await(QUOTE, 200, Duration.ofSeconds(20));
    }

    @Test
    public void aChosenTenantCanaryIsStartedWatchedHeldAndRevertedFromTheShell() throws Exception {
        String started = shell.type("patch:canary --split chosen-keys --keys acme -r PRICING-42 "
                + Container.fixPatch().getPath());
        assertTrue(started, started.startsWith(SLOT + "\n  chosen-keys canary, step 1 of 1 (100 %), running\n"
                + "  baseline   " + ORIGINAL + "\n  candidate  " + FIXED + "\n"));
        assertTrue(http.get(QUOTE, Map.of("X-Tenant", "acme")).body().contains("1.0.1"));
        assertTrue(http.get(QUOTE, Map.of("X-Tenant", "globex")).body().contains("1.0.0"));
        assertTrue(http.get(QUOTE).body().contains("1.0.0"));

        String table = shell.type("patch:canary");
        List<String> lines = table.lines().toList();
        assertTrue(table, lines.get(4).matches("\\s+share\\s+calls\\s+errors\\s+rate\\s+p50 us\\s+p99 us"));
        assertTrue(table, lines.get(5).matches("  baseline\\s+[\\d.]+ %\\s+2\\s+0\\s+0\\.00 %.*"));
        assertTrue(table, lines.get(6).matches("  candidate\\s+[\\d.]+ %\\s+1\\s+0\\s+0\\.00 %.*"));
        assertTrue(table, table.contains("\n  1 call carried no routing key and went to the baseline"));
        table.lines().forEach(line -> assertTrue(line, line.length() <= 80));

        assertTrue(shell.type("patch:hold PriceService@1.0.0").contains(", holding"));
        assertTrue(shell.type("patch:resume PriceService@1.0.0").contains(", running"));
        String salt = manager.canaries().get(0).spec.salt;
        assertEquals("bucket " + manager.bucket(salt, "acme") + ": acme is in a keys canary of salt " + salt
                + " from ", shell.type("patch:bucket " + salt + " acme").replaceAll("from .*", "from "));

        String ended = shell.type("patch:revert PriceService@1.0.0");
        assertEquals(SLOT + "\n  " + FIXED + " -> " + ORIGINAL, ended);
        assertTrue(http.get(QUOTE, Map.of("X-Tenant", "acme")).body().contains("1.0.0"));
        assertEquals("No canary in progress.", shell.type("patch:canary"));
        List<String> history = manager.history(SLOT).stream().limit(4).map(e -> e.action + " " + e.actor).toList();
        assertEquals(List.of("revert shell", "resume shell", "hold shell", "canary shell"), history);
    }

    @Test
    public void aCanaryOfANameThatIsNoImplementationIsOneSentenceAndChangesNothing() throws Exception {
        List<String> bundles = Fixtures.bundles(context);
        int ledger = manager.history(null).size();
        String output = shell.type("patch:canary com.example.pricing.impl/9.9.9");
        assertEquals("gogo: PatchException: No slot has an implementation 'com.example.pricing.impl/9.9.9'.", output);
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(ledger, manager.history(null).size());
        assertTrue(manager.canaries().isEmpty());
        String fragment = shell.type("patch:canary " + Container.fragmentPatch().getPath());
        assertTrue(fragment, fragment.startsWith("gogo: PatchException: ") && fragment.contains("fragment patch"));
        assertEquals(bundles, Fixtures.bundles(context));
    }
}
