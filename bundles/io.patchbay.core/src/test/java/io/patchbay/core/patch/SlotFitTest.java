package io.patchbay.core.patch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.PatchException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import io.patchbay.core.slot.Slot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SlotFitTest {

    private static final String TYPE = "com.example.pricing.api.PriceService";
    private static final String SLOT = TYPE + "@1.0.0#pricing";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aJarOfAnotherApiVersionIsRefusedWithThatSentence() throws Exception {
        PatchJar v2 = jar("Import-Package: com.example.pricing.api;version=\"[2.0,2.1)\",java.lang", null);
        PatchException refused = assertThrows(PatchException.class, () -> SlotFit.check(v2, TYPE, "1.0.0", SLOT));
        assertEquals("impl.v2.jar (com.example.pricing.impl.v2/2.0.0) implements com.example.pricing.api.PriceService"
                + " of API [2.0,2.1), not API 1.0.0 of com.example.pricing.api.PriceService@1.0.0#pricing; name a slot"
                + " of that API version, or leave the slot out so that its header decides.", refused.getMessage());
    }

    @Test
    public void aJarOfAnotherInterfaceIsRefusedWithThatSentence() throws Exception {
        PatchJar other = jar("Import-Package: org.osgi.service.event;version=\"[1.4,2)\"", null);
        PatchException refused = assertThrows(PatchException.class,
                () -> SlotFit.check(other, TYPE, "1.0.0", SLOT));
        assertEquals("impl.v2.jar (com.example.pricing.impl.v2/2.0.0) does not implement "
                + "com.example.pricing.api.PriceService: it does not import package com.example.pricing.api, so it "
                + "cannot serve com.example.pricing.api.PriceService@1.0.0#pricing.", refused.getMessage());
    }

    @Test
    public void aJarThatImportsTheSlotsVersionOrCarriesThePackageFits() throws Exception {
        SlotFit.check(jar("Import-Package: com.example.pricing.api;version=\"[1.0,1.1)\"", null), TYPE, "1.0.0", SLOT);
        SlotFit.check(jar("Import-Package: com.example.pricing.api", null), TYPE, "1.0.0", SLOT);
        SlotFit.check(jar("Export-Package: com.example.pricing.api;version=\"1.0.0\"", null), TYPE, "1.0.0", SLOT);
        SlotFit.check(jar("Import-Package: java.lang", "com/example/pricing/api/PriceService.class"), TYPE, "1.0.0",
                SLOT);
    }

    @Test
    public void aJarThatCarriesOtherPackagesOnlyDoesNotFit() throws Exception {
        PatchJar other = jar("Import-Package: java.lang", "com/example/other/Helper.class");
        assertThrows(PatchException.class, () -> SlotFit.check(other, TYPE, "1.0.0", SLOT));
    }

    @Test
    public void onlyASlotTheOperatorNamesIsCheckedAndNeverForAFragment() throws Exception {
        Slot supplier = new Slot(List.of(Supplier.class), "pricing", "1.0.0", () -> 0);
        PatchJar other = jar("Import-Package: org.osgi.service.event", null);
        assertEquals("impl.v2.jar (com.example.pricing.impl.v2/2.0.0) does not implement java.util.function.Supplier:"
                + " it does not import package java.util.function, so it cannot serve " + supplier.id() + ".",
                assertThrows(PatchException.class, () -> SlotFit.check(other, supplier.id(), List.of(supplier)))
                        .getMessage());
        SlotFit.check(other, null, List.of(supplier)); // the header decides
        SlotFit.check(other, " ", List.of(supplier));
        SlotFit.check(jar("Import-Package: org.osgi.service.event\nFragment-Host: com.example.host", null),
                supplier.id(), List.of(supplier));
    }

    private PatchJar jar(String header, String entry) throws Exception {
        Manifest manifest = new Manifest(new ByteArrayInputStream(("Manifest-Version: 1.0\n"
                + "Bundle-SymbolicName: com.example.pricing.impl.v2\nBundle-Version: 2.0.0\n" + header + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            if (entry != null) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        return PatchJar.read(new ByteArrayInputStream(bytes.toByteArray()),
                folder.newFolder().toPath().resolve("impl.v2.jar"), "impl.v2.jar", Long.MAX_VALUE,
                Verification.NONE, false);
    }
}
