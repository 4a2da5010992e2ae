package io.patchbay.core.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.core.headers.PatchLocation;
import io.patchbay.core.headers.PatchTarget;
import io.patchbay.core.patch.ApplyOperation;
import io.patchbay.core.patch.PatchJar;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * Apply of a replacement bundle against the real slots, switcher, ledger and intent file: install, start, wait for
 * the implementation, switch; and what is undone when a step fails.
 */
public class ApplyOperationTest {

    private static final String SUM = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private FakeFramework framework;
    private Slot slot;
    private FakeFramework.FakeBundle installed;
    /** The operations in progress when the patch started. */
    private List<String> during;

    @Before
    public void theOriginalRuns() {
        framework = new FakeFramework(folder.getRoot().toPath());
        framework.register(framework.install("greeter", "1.0.0"), "greeter", "1.0.0");
        slot = framework.slot();
        framework.installing = location -> {
            installed = framework.install("greeter", "1.0.1");
            installed.location = location;
            installed.onStart = () -> {
                during = framework.intents.pending().stream().map(i -> String.join(" ", i.action(), i.actor(),
                        i.slot(), i.from(), i.to(), i.reason(), i.installed())).toList();
                framework.register(installed, "greeter", "1.0.1");
            };
            return installed;
        };
    }

    private PatchJar patch() throws Exception {
        Path file = folder.getRoot().toPath().resolve("greeter-1.0.1.jar");
        Files.writeString(file, "not read: the fake framework installs from the location");
        return new PatchJar(file, "greeter-1.0.1.jar", "greeter", Version.parseVersion("1.0.1"),
                PatchTarget.parse(Greeting.class.getName()), "the fix", null, SUM, null);
    }

    private ApplyOperation operation(long timeoutMillis) {
        return new ApplyOperation(framework.context(), framework.slots, timeoutMillis);
    }

    private LedgerEntryDTO newest() {
        return framework.ledger.entries().get(0);
    }

    @Test
    public void aPatchIsInstalledStartedAndSwitchedTo() throws Exception {
        ChangeDTO change = operation(5_000).apply(patch(), null, null, "alice");
        assertEquals("greeter/1.0.0 greeter/1.0.1", change.from + " " + change.to);
        assertEquals("greeter/1.0.1", slot.active().id());
        assertEquals(PatchLocation.of("greeter/1.0.1"), installed.location);
        assertEquals("apply alice the fix " + SUM, newest().action + " " + newest().actor + " " + newest().reason
                + " " + newest().checksum);
        assertEquals(List.of(), framework.intents.pending());
        assertEquals(List.of("apply alice " + slot.id() + " greeter/1.0.0 greeter/1.0.1 the fix "
                + PatchLocation.of("greeter/1.0.1")), during);
    }

    @Test
    public void anOperatorsReasonReplacesThePatchsOwn() throws Exception {
        operation(5_000).apply(patch(), slot.id(), "hotfix for INC-7", "bob");
        assertEquals("hotfix for INC-7", newest().reason);
    }

    @Test
    public void aPatchThatFailsToStartIsUninstalledAndTheRouteStays() throws Exception {
        framework.installing = location -> {
            installed = framework.install("greeter", "1.0.1");
            installed.onStart = () -> {
                throw new BundleException("Activator start error", BundleException.ACTIVATOR_ERROR,
                        new IllegalStateException("no db"));
            };
            return installed;
        };
        PatchException refused = assertThrows(PatchException.class,
                () -> operation(5_000).apply(patch(), null, null, "alice"));
        assertEquals("greeter-1.0.1.jar failed to start: its activator threw java.lang.IllegalStateException: no db.",
                refused.getMessage());
        assertEquals(Bundle.UNINSTALLED, installed.state);
        assertEquals("greeter/1.0.0", slot.active().id());
        assertEquals(List.of(), framework.intents.pending());
    }

    @Test
    public void aPatchThatRegistersNothingInTimeIsUninstalled() throws Exception {
        framework.installing = location -> installed = framework.install("greeter", "1.0.1");
        PatchException refused = assertThrows(PatchException.class,
                () -> operation(50).apply(patch(), null, null, "alice"));
        assertEquals("greeter-1.0.1.jar started but registered no implementation of " + slot.id() + " within 50 ms.",
                refused.getMessage());
        assertEquals(Bundle.UNINSTALLED, installed.state);
        assertEquals("greeter/1.0.0", slot.active().id());
    }

    @Test
    public void aPatchInstalledAlreadyIsSwitchedToOnceAndThenLeftAsItIs() throws Exception {
        FakeFramework.FakeBundle standby = framework.install("greeter", "1.0.1");
        framework.register(standby, "greeter", "1.0.1");
        framework.installing = location -> {
            throw new AssertionError("installed again");
        };
        operation(5_000).apply(patch(), null, null, "carol");
        assertEquals("greeter/1.0.1", slot.active().id());
        ChangeDTO again = operation(5_000).apply(patch(), null, null, "carol");
        assertEquals("greeter/1.0.1 is already applied to " + slot.id() + "; nothing changed.", again.message);
        assertFalse(again.changed);
    }

    @Test
    public void aCanaryGetsTheImplementationInsteadOfASwitch() throws Exception {
        Implementation arrived = operation(5_000).canary(patch(), null, null, "dave",
                (implementation, reason, checksum, signer, location) -> {
                    assertEquals("the fix " + SUM + " " + PatchLocation.of("greeter/1.0.1"), reason + " " + checksum
                            + " " + location);
                    return implementation;
                });
        assertEquals("greeter/1.0.1", arrived.id());
        assertSame(slot, arrived.slot());
        assertEquals("not switched", "greeter/1.0.0", slot.active().id());
        assertEquals("the canary's intent is left open for the canary to own", List.of("canary dave"),
                framework.intents.pending().stream().map(i -> i.action() + " " + i.actor()).toList());
    }

    @Test
    public void aCanaryOfAnInstalledStandbyTakesItAsItIs() throws Exception {
        FakeFramework.FakeBundle standby = framework.install("greeter", "1.0.1");
        ServiceReference<Object> registered = framework.register(standby, "greeter", "1.0.1");
        framework.installing = location -> {
            throw new AssertionError("installed again");
        };
        Implementation arrived = operation(5_000).canary(patch(), null, null, "erin",
                (implementation, reason, checksum, signer, location) -> {
                    assertEquals("nothing installed", null, location);
                    return implementation;
                });
        assertSame(framework.implementation(registered), arrived);
        assertEquals(List.of("canary erin " + slot.id() + " greeter/1.0.0 greeter/1.0.1"),
                framework.intents.pending().stream().map(i -> String.join(" ", i.action(), i.actor(), i.slot(),
                        i.from(), i.to())).toList());
    }

    @Test
    public void aCanaryThatCannotStartUninstallsThePatch() throws Exception {
        PatchException busy = new PatchException("busy");
        assertSame(busy, assertThrows(PatchException.class, () -> operation(5_000).canary(patch(), null, null,
                "dave", (implementation, reason, checksum, signer, location) -> {
                    throw busy;
                })));
        assertEquals(Bundle.UNINSTALLED, installed.state);
        assertTrue(framework.intents.pending().isEmpty());
    }
}
