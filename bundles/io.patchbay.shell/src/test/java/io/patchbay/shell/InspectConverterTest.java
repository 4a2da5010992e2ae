package io.patchbay.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.ClassDiffDTO;
import io.patchbay.api.dto.DiffDTO;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Converter;
import org.junit.Test;

/** The dry run's and the diff's layouts, exactly, within 80 columns. */
public class InspectConverterTest {

    private static final String SLOT = "com.example.pricing.api.PriceService@1.0.0#pricing";
    private static final String SHA = "9539315064505e88c0cad0ee3b5d9cbdd4809237814e8d8c7a97b1e4e148deb6";

    private final InspectConverter converter = new InspectConverter();

    static CheckDTO check() {
        CheckDTO check = new CheckDTO();
        check.patch = "fix.jar";
        check.id = "com.example.pricing.impl/1.0.1";
        check.checksum = SHA;
        check.slot = SLOT;
        check.candidates = List.of(SLOT);
        check.action = CheckDTO.INSTALL;
        check.replaces = "com.example.pricing.impl/1.0.0";
        check.becomes = "com.example.pricing.impl/1.0.1";
        check.resolved = true;
        check.resolution = "It resolves against the running framework: 4 requirements met by installed bundles.";
        check.wires = List.of("package com.example.pricing.api 1.0.0 from com.example.pricing.api/1.0.0",
                "package java.lang from org.apache.felix.framework/7.0.5",
                "package java.math from org.apache.felix.framework/7.0.5",
                "package org.osgi.framework 1.10.0 from org.apache.felix.framework/7.0.5",
                "extender osgi.component 1.5.0 from org.apache.felix.scr/2.2.12",
                "ee JavaSE from org.apache.felix.framework/7.0.5");
        check.warnings = new ArrayList<>();
        check.notChecked = "Not checked without running it: whether it starts and registers an implementation of "
                + SLOT + " within 10000 ms (apply.timeout.ms).";
        check.message = "fix.jar would be applied: " + SLOT + " would run com.example.pricing.impl/1.0.1 instead of"
                + " com.example.pricing.impl/1.0.0.";
        return check;
    }

    @Test
    public void aCheckThatWouldApplySaysWhatAndHowItResolves() {
        assertFormat(check(), String.join("\n",
                "fix.jar would be applied: com.example.pricing.api.PriceService@1.0.0#pricing",
                "  would run com.example.pricing.impl/1.0.1 instead of",
                "  com.example.pricing.impl/1.0.0.",
                "  slot        com.example.pricing.api.PriceService@1.0.0#pricing",
                "  replaces    com.example.pricing.impl/1.0.0",
                "  becomes     com.example.pricing.impl/1.0.1",
                "  installed   no",
                "  resolves    It resolves against the running framework: 4 requirements met by",
                "              installed bundles.",
                "    com.example.pricing.api/1.0.0: package com.example.pricing.api 1.0.0",
                "    org.apache.felix.framework/7.0.5: package java.lang, java.math,",
                "      org.osgi.framework 1.10.0; ee JavaSE",
                "    org.apache.felix.scr/2.2.12: extender osgi.component 1.5.0",
                "  sha256      " + SHA,
                "  signer      not verified: no trust store is configured (trust.store)",
                "Not checked without running it: whether it starts and registers an",
                "  implementation of com.example.pricing.api.PriceService@1.0.0#pricing within",
                "  10000 ms (apply.timeout.ms)."));
    }

    @Test
    public void aFragmentNamesItsHostAndAWarningStandsOut() {
        CheckDTO check = check();
        check.fragment = true;
        check.host = "com.example.pricing.impl/1.0.0";
        check.becomes = "com.example.pricing.impl/1.0.0+com.example.pricing.impl.fragment/1.0.1";
        check.signer = "CN=Release signing";
        check.verifying = true;
        check.wires = List.of();
        check.warnings.add("com.example.pricing.impl/1.0.0 is not patchable.");
        String text = converter.format(check, Converter.INSPECT, null).toString();
        assertTrue(text, text.contains("\n  host        com.example.pricing.impl/1.0.0, NOT patchable\n"));
        assertTrue(text, text.contains("\n  becomes     com.example.pricing.impl/1.0.0+com.example.pricing.impl.fragment/1.0.1\n"));
        assertTrue(text, text.contains("\n  signer      CN=Release signing\n"));
        assertTrue(text, text.contains("\nWARNING: com.example.pricing.impl/1.0.0 is not patchable.\n"));
    }

    @Test
    public void aDiffNamesEachClassAndItsMethods() {
        DiffDTO diff = new DiffDTO();
        diff.slot = SLOT;
        diff.from = "com.example.pricing.impl/1.0.0";
        diff.to = "com.example.pricing.impl/1.0.1";
        diff.unchanged = 1;
        ClassDiffDTO fixed = new ClassDiffDTO();
        fixed.name = "com.example.pricing.impl.BulkDiscount";
        fixed.change = ClassDiffDTO.CHANGED;
        fixed.methodsAdded = List.of("once(java.math.BigDecimal)");
        fixed.methodsRemoved = List.of();
        fixed.methodsChanged = List.of("total(java.math.BigDecimal, int)");
        ClassDiffDTO recompiled = new ClassDiffDTO();
        recompiled.name = "com.example.pricing.impl.Rounding";
        recompiled.change = ClassDiffDTO.CHANGED;
        recompiled.methodsAdded = recompiled.methodsRemoved = recompiled.methodsChanged = List.of();
        ClassDiffDTO gone = new ClassDiffDTO();
        gone.name = "com.example.pricing.impl.Old";
        gone.change = ClassDiffDTO.REMOVED;
        gone.methodsAdded = gone.methodsRemoved = gone.methodsChanged = List.of();
        diff.classes = List.of(fixed, gone, recompiled);
        diff.message = "2 classes changed, none added, 1 class removed; 1 the same.";
        assertFormat(diff, String.join("\n",
                SLOT,
                "  com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1",
                "2 classes changed, none added, 1 class removed; 1 the same.",
                "  changed  com.example.pricing.impl.BulkDiscount",
                "    method added   once(java.math.BigDecimal)",
                "    method changed total(java.math.BigDecimal, int)",
                "  removed  com.example.pricing.impl.Old",
                "  changed  com.example.pricing.impl.Rounding",
                "    no method body differs (recompiled, or fields, annotations or the class",
                "    file's form changed)"));
    }

    @Test
    public void nothingToCompareIsOneSentence() {
        DiffDTO diff = new DiffDTO();
        diff.slot = SLOT;
        diff.to = "com.example.pricing.impl/1.0.0";
        diff.classes = List.of();
        diff.message = "Nothing to compare: " + SLOT + " has no earlier implementation.";
        assertFormat(diff, "Nothing to compare: com.example.pricing.api.PriceService@1.0.0#pricing has no\n"
                + "  earlier implementation.");
    }

    @Test
    public void oneLineIsTheSentenceAndOtherTypesAreNotMine() {
        assertEquals(check().message, converter.format(check(), Converter.LINE, null));
        assertNull(converter.format("text", Converter.INSPECT, null));
        assertNull(converter.convert(CheckDTO.class, "x"));
    }

    private void assertFormat(Object dto, String expected) {
        String text = converter.format(dto, Converter.INSPECT, null).toString();
        assertEquals(expected, text);
        text.lines().filter(l -> !l.contains("+com.example")).forEach(l -> assertTrue(l, l.length() <= Text.WIDTH));
    }
}
