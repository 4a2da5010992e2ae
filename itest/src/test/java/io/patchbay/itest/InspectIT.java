package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.ClassDiffDTO;
import io.patchbay.api.dto.DiffDTO;
import java.io.File;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * {@code patch:check} and {@code patch:diff} typed into the real Gogo console: a check answers what apply would do,
 * or exactly the line apply would print when it refuses, and changes nothing (bundles, routes, ledger, and no file
 * left in the manager's incoming folder); a diff names the class and the method a patch fixes.
 */
public class InspectIT extends ContainerTest {

    private static final String FRAGMENT = "com.example.pricing.impl.fragment/1.0.1";
    private static final String PATCH = "Patchbay-Patch";
    private static final String FOR_PRICES = "com.example.pricing.api.PriceService;version=\"[1.0,2)\"";
    private static final long MAX_BYTES = 1 << 20;

    @Inject
    private PatchInspector inspector;

    @Inject
    private CommandProcessor processor;

    private Gosh shell;

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Override
    protected List<Option> extras() {
        return List.of(frameworkProperty("patchbay.patch.max.bytes").value(String.valueOf(MAX_BYTES)));
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        if (!ORIGINAL.equals(manager.slot(SLOT).active.id)) {
            manager.revert(SLOT, "test setup", "itest");
        }
        backToTheOriginal();
        awaitService("(&(osgi.command.scope=patch)(osgi.command.function=check))");
        awaitService("(osgi.converter.classes=io.patchbay.api.dto.CheckDTO)");
        shell = new Gosh(processor);
    }

    @Test
    public void theExamplePatchWouldReplaceTheOriginalAndResolvesAgainstTheRunningBundles() throws Exception {
        String fix = Container.fixPatch().getPath();
        List<String> lines = unchanged("patch:check " + fix).lines().toList();
        assertEquals(fix + " would be applied: " + SLOT + " would run " + FIXED + " instead of " + ORIGINAL + ".",
                String.join(" ", lines.subList(0, lines.indexOf(row(lines, "slot")))).replaceAll("\\s+", " "));
        assertEquals("  slot        " + SLOT, row(lines, "slot"));
        assertEquals("  replaces    " + ORIGINAL, row(lines, "replaces"));
        assertEquals("  becomes     " + FIXED, row(lines, "becomes"));
        assertEquals("  installed   no", row(lines, "installed"));
        assertTrue(lines.toString(), row(lines, "resolves").startsWith("  resolves    It resolves against the running"));
        assertTrue(lines.toString(), lines.contains(
                "    com.example.pricing.api/1.0.0: package com.example.pricing.api 1.0.0"));
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.matches(
                "    org\\.apache\\.felix\\.scr/[^:]+: extender osgi\\.component 1\\.5\\.0")));
        assertEquals("  sha256      " + Jars.sha256(Container.fixPatch()), row(lines, "sha256"));
        assertTrue(lines.toString(), row(lines, "signer").contains("not verified"));
        assertTrue(lines.toString(), String.join(" ", lines).replaceAll("\\s+", " ").endsWith(" Not checked without"
                + " running it: whether it starts and registers an implementation of " + SLOT + " within 3000 ms"
                + " (apply.timeout.ms)."));
        lines.stream().filter(line -> !line.contains(fix)) // a path is never broken
                .forEach(line -> assertTrue("within 80 columns: " + line, line.length() < 80));

        assertEquals("then apply does what the check said", SLOT + "\n  " + ORIGINAL + " -> " + FIXED,
                shell.type("patch:apply " + fix));
        String applied = unchanged("patch:check " + fix);
        assertTrue(applied, applied.replaceAll("\\s+", " ").startsWith(FIXED + " is already applied to " + SLOT
                + "; apply would change nothing."));
        manager.revert(SLOT, null, "itest");
        String standby = unchanged("patch:check " + fix);
        assertTrue(standby, standby.replaceAll("\\s+", " ").startsWith(FIXED + " is installed already (bundle "));
        assertTrue(standby, standby.contains("\n  installed   yes: bundle "));
    }

    @Test
    public void theFragmentPatchNamesItsPatchableHostAndWhatTheSlotWouldRun() throws Exception {
        String fragment = Container.fragmentPatch().getPath();
        List<String> lines = unchanged("patch:check " + fragment).lines().toList();
        assertEquals("  host        " + ORIGINAL + ", patchable", row(lines, "host"));
        assertEquals("  replaces    " + ORIGINAL, row(lines, "replaces"));
        assertEquals("  becomes     " + ORIGINAL + "+" + FRAGMENT, row(lines, "becomes"));
        assertTrue(lines.toString(), row(lines, "resolves").startsWith("  resolves    It resolves against the running"));
    }

    /** Every bad input a dry run can know of: the line apply prints, and the system as it was, after both. */
    @Test
    public void everyRefusalIsTheLineApplyPrintsAndNothingChanges() throws Exception {
        Map<String, String> broken = new HashMap<>(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName",
                "bad.patch", "Bundle-Version", "1.0.0", PATCH, FOR_PRICES));
        broken.put("Import-Package", "com.nowhere.missing;version=\"[1,2)\"");
        File tooLarge = Fixtures.text("large", "x".repeat((int) MAX_BYTES + 1));
        List<String> inputs = List.of("/no/such/patch.jar",
                Fixtures.text("notes", "not a jar at all").getPath(),
                Fixtures.text("empty", "").getPath(),
                tooLarge.getPath(),
                Fixtures.jar("plain", Map.of("Created-By", "hand")).getPath(),
                Fixtures.jar("bundle", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "just.a.bundle"))
                        .getPath(),
                Fixtures.jar("elsewhere", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "elsewhere",
                        PATCH, "com.example.pricing.api.PriceService;version=\"[3.0,4)\"")).getPath(),
                "--slot NoSuchService " + Container.fixPatch().getPath(),
                Fixtures.jar("orphan", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "orphan",
                        "Fragment-Host", "no.such.host", PATCH, FOR_PRICES)).getPath(),
                Fixtures.jar("unattachable", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName",
                        "unattachable", "Fragment-Host", "com.example.pricing.impl", "Import-Package",
                        "com.nowhere.missing", PATCH, FOR_PRICES)).getPath());
        for (String input : inputs) {
            assertSameRefusal(input);
        }
        String unresolved = Fixtures.jar("unresolved", broken).getPath();
        String check = refused("patch:check " + unresolved);
        String apply = unchanged("patch:apply " + unresolved); // Equinox explains on several lines
        String sentence = "gogo: PatchException: " + unresolved + " does not resolve: missing requirement osgi.wiring."
                + "package; (&(osgi.wiring.package=com.nowhere.missing)(version>=1.0.0)(!(version>=2.0.0))).";
        assertEquals("the dry run names the missing package as Felix does", sentence, check);
        if (felix()) {
            assertEquals("and as apply does, on Felix", apply, check);
        } else {
            assertTrue(apply, apply.startsWith("gogo: PatchException: " + unresolved + " does not resolve: "));
        }
    }

    /** Installed with other bytes, or installed outside apply: the same refusals as apply's. */
    @Test
    public void theSameVersionInstalledAlreadyIsRefusedAsApplyRefusesIt() throws Exception {
        manager.apply(Container.fixPatch().getPath(), null, "itest");
        assertSameRefusal(Jars.rebuilt(Container.fixPatch(), "rebuilt.txt", "other bytes, same manifest").getPath());
        manager.revert(SLOT, null, "itest");
        Fixtures.removePatches(context);
        Bundle outside = context.installBundle(Container.fixPatch().toURI().toString());
        outside.start();
        assertSameRefusal(Container.fixPatch().getPath());
    }

    /** What only running it tells: the check would apply and says what it could not check; apply then refuses. */
    @Test
    public void aPatchWhoseActivatorThrowsPassesTheCheckThatSaysWhatItCannotKnow() throws Exception {
        String throwing = Container.fixture("throwing").getPath();
        String check = unchanged("patch:check " + throwing);
        assertTrue(check, check.contains("would be applied"));
        assertTrue(check, check.replaceAll("\\s+", " ").contains("Not checked without running it: whether it starts"
                + " and registers an implementation of " + SLOT + " within 3000 ms (apply.timeout.ms)."));
        assertTrue(refused("patch:apply " + throwing).contains(" failed to start: its activator threw"));
    }

    @Test
    public void theDiffOfTheExamplePatchNamesExactlyTheFixedClassAndMethod() throws Exception {
        String fix = Container.fixPatch().getPath();
        String expected = String.join("\n", SLOT, "  " + ORIGINAL + " -> " + FIXED,
                "1 class changed, none added, none removed; 2 the same.",
                "  changed  com.example.pricing.impl.BulkDiscount",
                "    method changed total(java.math.BigDecimal, int)");
        assertEquals(expected, unchanged("patch:diff " + fix));
        DiffDTO diff = inspector.diff(fix, null);
        assertEquals(1, diff.classes.size());
        ClassDiffDTO fixed = diff.classes.get(0);
        assertEquals("com.example.pricing.impl.BulkDiscount", fixed.name);
        assertEquals(ClassDiffDTO.CHANGED, fixed.change);
        assertEquals(List.of("total(java.math.BigDecimal, int)"), fixed.methodsChanged);
        assertEquals(List.of(), fixed.methodsAdded);
        assertEquals(List.of(), fixed.methodsRemoved);

        assertTrue(Pattern.compile("Nothing to compare: .* has no\\s+earlier implementation\\.").matcher(
                unchanged("patch:diff PriceService@1.0.0")).matches());
        manager.apply(fix, null, "itest");
        assertEquals("the slot's last switch, once applied", expected, unchanged("patch:diff PriceService@1.0.0"));
        assertEquals("the applied patch against what it replaced", expected, unchanged("patch:diff " + fix));
    }

    @Test
    public void theDiffOfTheFragmentPatchIsTheClassItOverridesInTheHost() throws Exception {
        String fragment = Container.fragmentPatch().getPath();
        String expected = String.join("\n", SLOT, "  " + ORIGINAL + " ->", "    " + ORIGINAL + "+" + FRAGMENT,
                "1 class changed, none added, none removed; 2 the same.",
                "  changed  com.example.pricing.impl.BulkDiscount",
                "    method changed total(java.math.BigDecimal, int)");
        assertEquals(expected, unchanged("patch:diff " + fragment));
        manager.apply(fragment, null, "itest");
        assertEquals(expected, unchanged("patch:diff " + SLOT));
        assertTrue(inspector.diffSlot(SLOT).fragment);
    }

    @Test
    public void helpDescribesBothCommandsWithinEightyColumns() throws Exception {
        for (String function : List.of("check", "diff")) {
            String help = shell.type("help patch:" + function);
            assertTrue(help, help.contains("-s, --slot   slot for a released jar, or where many match"));
            help.lines().forEach(line -> assertTrue("within 80 columns: " + line, line.length() < 80));
        }
        assertTrue(shell.type("help patch:check").contains("check - dry run of patch:apply"));
        String overview = shell.type("patch");
        assertTrue(overview, overview.contains("patch:check <path|URL>"));
        assertTrue(overview, overview.contains("patch:diff <path|URL|slot>"));
    }

    private void assertSameRefusal(String arguments) throws Exception {
        String check = refused("patch:check " + arguments);
        assertEquals("patch:check " + arguments, refused("patch:apply " + arguments), check);
    }

    /** Types a line that must fail: one line, and nothing changed. */
    private String refused(String line) throws Exception {
        String output = unchanged(line);
        assertEquals(output, 1, output.lines().count());
        assertTrue(output, output.startsWith("gogo: "));
        return output;
    }

    /** Types a line: bundles, routes, ledger as before, and no file left in the incoming folder. */
    private String unchanged(String line) throws Exception {
        List<String> bundles = Fixtures.bundles(context);
        List<String> routes = Fixtures.routes(manager);
        int ledger = manager.history(null).size();
        String output = shell.type(line);
        if (!line.startsWith("patch:apply")) {
            assertEquals(line + ": bundles", bundles, Fixtures.bundles(context));
            assertEquals(line + ": routes", routes, Fixtures.routes(manager));
            assertEquals(line + ": ledger", ledger, manager.history(null).size());
        } else if (output.startsWith("gogo: ")) {
            assertEquals(line + ": bundles", bundles, Fixtures.bundles(context));
            assertEquals(line + ": routes", routes, Fixtures.routes(manager));
            assertEquals(line + ": ledger", ledger, manager.history(null).size());
        }
        assertEquals(line + " left files in incoming/", List.of(), incoming());
        return output;
    }

    private List<String> incoming() throws Exception {
        Bundle core = java.util.stream.Stream.of(context.getBundles())
                .filter(b -> "io.patchbay.core".equals(b.getSymbolicName())).findFirst().orElseThrow();
        File data = core.getBundleContext().getDataFile("incoming");
        if (data == null || !data.isDirectory()) {
            return List.of();
        }
        try (var files = Files.list(data.toPath())) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private boolean felix() {
        return "org.apache.felix.framework".equals(context.getBundle(0).getSymbolicName());
    }

    private static String row(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith("  " + label + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + String.join("\n", lines)));
    }

}
