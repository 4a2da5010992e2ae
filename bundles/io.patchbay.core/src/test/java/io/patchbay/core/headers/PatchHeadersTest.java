package io.patchbay.core.headers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.core.slot.Slot;
import io.patchbay.core.testing.FakeBundles;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** What a bundle's manifest says about it as a patch, where Patchbay installed it from, and its start level. */
public class PatchHeadersTest {

    private final FakeBundles framework = new FakeBundles(Path.of("unused"));
    private final Slot supplier = new Slot(Supplier.class, "1.2.0", () -> 0);

    @Test
    public void aBundleWithoutThePatchHeaderIsNoPatchAndTargetsNothing() {
        Bundle plain = framework.add(1, "p.plain", "1.0.0").bundle;
        assertFalse(PatchHeaders.isPatch(plain));
        assertNull(PatchHeaders.reason(plain));
        assertFalse(PatchHeaders.targets(plain, supplier));
        assertFalse(PatchHeaders.isPatchFor(plain, Supplier.class.getName()));
        assertNull(PatchHeaders.slotName(plain, Supplier.class.getName()));
    }

    @Test
    public void aPatchNamesItsReasonItsInterfacesAndItsSlotName() {
        Bundle patch = framework.add(2, "p.fix", "1.0.1")
                .header("Patchbay-Patch", "java.lang.Runnable, java.util.function.Supplier;version=\"[1,2)\";slot=prices")
                .header("Patchbay-Reason", "PRICING-42").bundle;
        assertTrue(PatchHeaders.isPatch(patch));
        assertEquals("PRICING-42", PatchHeaders.reason(patch));
        assertTrue(PatchHeaders.isPatchFor(patch, Supplier.class.getName()));
        assertTrue(PatchHeaders.isPatchFor(patch, Runnable.class.getName()));
        assertFalse(PatchHeaders.isPatchFor(patch, "java.util.function.Function"));
        assertEquals("prices", PatchHeaders.slotName(patch, Supplier.class.getName()));
        assertNull("Runnable's entry names no slot", PatchHeaders.slotName(patch, Runnable.class.getName()));
        assertNull(PatchHeaders.slotName(patch, "java.util.function.Function"));
    }

    @Test
    public void aPatchTargetsASlotByInterfaceVersionAndName() {
        Bundle any = framework.add(3, "p.any", "1.0.1").header("Patchbay-Patch", "java.util.function.Supplier")
                .bundle;
        Bundle tooNew = framework.add(4, "p.new", "1.0.1")
                .header("Patchbay-Patch", "java.util.function.Supplier;version=\"[2,3)\"").bundle;
        Bundle otherName = framework.add(5, "p.named", "1.0.1")
                .header("Patchbay-Patch", "java.util.function.Supplier;slot=other").bundle;
        assertTrue(PatchHeaders.targets(any, supplier));
        assertFalse(PatchHeaders.targets(tooNew, supplier));
        assertFalse(PatchHeaders.targets(otherName, supplier));
    }

    @Test
    public void aMalformedHeaderTargetsNothingButStillMarksAPatch() {
        Bundle malformed = framework.add(6, "p.bad", "1.0.1")
                .header("Patchbay-Patch", "java.util.function.Supplier;version=\"[1,x)\"").bundle;
        assertTrue(PatchHeaders.isPatch(malformed));
        assertFalse(PatchHeaders.targets(malformed, supplier));
        assertFalse(PatchHeaders.isPatchFor(malformed, Supplier.class.getName()));
        assertNull(PatchHeaders.slotName(malformed, Supplier.class.getName()));
    }

    @Test
    public void onlyBundlesInstalledFromPatchbaysOwnLocationAreApplysInstalls() {
        FakeBundles.FakeBundle installed = framework.add(7, "p.fix", "1.0.1");
        installed.location = PatchLocation.of("p.fix/1.0.1");
        assertEquals("patchbay:patch/p.fix/1.0.1", installed.location);
        assertTrue(PatchLocation.installedByApply(installed.bundle));
        installed.location = "file:/tmp/p.fix.jar";
        assertFalse(PatchLocation.installedByApply(installed.bundle));
        installed.location = "a patchbay:patch/ in the middle";
        assertFalse(PatchLocation.installedByApply(installed.bundle));
        installed.location = null;
        assertFalse(PatchLocation.installedByApply(installed.bundle));
    }

    @Test
    public void aPatchStartsAtTheManagersLevelWhenItWouldStartLater() {
        framework.manager().startLevel = 2;
        FakeBundles.FakeBundle late = framework.add(8, "p.late", "1.0.1");
        late.startLevel = 5;
        StartLevels.startWithManager(late.bundle, framework.manager().bundle);
        assertEquals(2, late.startLevel);

        FakeBundles.FakeBundle early = framework.add(9, "p.early", "1.0.1");
        early.startLevel = 1;
        StartLevels.startWithManager(early.bundle, framework.manager().bundle);
        assertEquals("an earlier level is kept", 1, early.startLevel);

        FakeBundles.FakeBundle same = framework.add(10, "p.same", "1.0.1");
        same.startLevel = 2;
        StartLevels.startWithManager(same.bundle, framework.manager().bundle);
        assertEquals(2, same.startLevel);
    }
}
