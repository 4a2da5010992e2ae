package io.patchbay.core.inspect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.ClassDiffDTO;
import io.patchbay.api.dto.DiffDTO;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ClassDiffTest {

    private static final String NAME = "com.example.Discount";

    @Test
    public void aChangedInstructionNamesItsMethodAndNoOther() {
        byte[] before = Classes.of(NAME, w -> {
            Classes.total(w, 10, 2, 20);
            Classes.constant(w, "label", "bulk");
        });
        byte[] after = Classes.of(NAME, w -> {
            Classes.total(w, 10, 3, 20);
            Classes.constant(w, "label", "bulk");
        });
        ClassDiffDTO changed = ClassDiff.changed(NAME, before, after);
        assertEquals(ClassDiffDTO.CHANGED, changed.change);
        assertEquals(List.of("total(int)"), changed.methodsChanged);
        assertEquals(List.of(), changed.methodsAdded);
        assertEquals(List.of(), changed.methodsRemoved);
    }

    @Test
    public void linesLocalVariablesAndTheSourceFileAreNotTheBody() {
        byte[] before = Classes.of(NAME, w -> Classes.total(w, 10, 2, 20));
        byte[] after = Classes.of(NAME, w -> Classes.total(w, 10, 2, 41));
        assertFalse("the bytes differ", Arrays.equals(before, after));
        ClassDiffDTO changed = ClassDiff.changed(NAME, before, after);
        assertEquals(List.of(), changed.methodsChanged);
        assertEquals(MethodPrints.of(before), MethodPrints.of(after));
    }

    @Test
    public void aConstantIsPartOfTheBody() {
        ClassDiffDTO changed = ClassDiff.changed(NAME, Classes.of(NAME, w -> Classes.constant(w, "label", "bulk")),
                Classes.of(NAME, w -> Classes.constant(w, "label", "retail")));
        assertEquals(List.of("label(java.lang.String)"), changed.methodsChanged);
    }

    @Test
    public void methodsAddedAndRemovedAreNamedWithTheirParameterTypes() {
        ClassDiffDTO changed = ClassDiff.changed(NAME,
                Classes.of(NAME, w -> {
                    Classes.total(w, 10, 2, 1);
                    Classes.constant(w, "old", "x");
                }),
                Classes.of(NAME, w -> {
                    Classes.total(w, 10, 2, 1);
                    Classes.constant(w, "fresh", "x");
                }));
        assertEquals(List.of("fresh(java.lang.String)"), changed.methodsAdded);
        assertEquals(List.of("old(java.lang.String)"), changed.methodsRemoved);
        assertEquals(List.of(), changed.methodsChanged);
    }

    @Test
    public void classesAreComparedByNameAndBytes() {
        byte[] same = Classes.of("a.Same", w -> Classes.constant(w, "m", "x"));
        DiffDTO diff = ClassDiff.compare(
                Map.of("a.Same", same, "a.Gone", Classes.of("a.Gone", w -> { }),
                        NAME, Classes.of(NAME, w -> Classes.total(w, 10, 2, 1))),
                Map.of("a.Same", same.clone(), "a.New", Classes.of("a.New", w -> { }),
                        NAME, Classes.of(NAME, w -> Classes.total(w, 5, 2, 1))), new DiffDTO());
        assertEquals(1, diff.unchanged);
        assertEquals(List.of("a.Gone removed", "a.New added", NAME + " changed"),
                diff.classes.stream().map(c -> c.name + " " + c.change).toList());
        assertEquals("1 class changed, 1 class added, 1 class removed; 1 the same.", diff.message);
    }

    @Test
    public void bytesThatAreNoClassFileDifferWithoutMethods() {
        ClassDiffDTO changed = ClassDiff.changed(NAME, Classes.of(NAME, w -> Classes.total(w, 10, 2, 1)),
                new byte[] { 1, 2, 3 });
        assertEquals(ClassDiffDTO.CHANGED, changed.change);
        assertTrue(changed.methodsChanged.isEmpty() && changed.methodsAdded.isEmpty());
    }

    @Test
    public void nothingDifferentIsSaidPlainly() {
        DiffDTO diff = ClassDiff.compare(Map.of(), Map.of(), new DiffDTO());
        assertEquals("None changed, none added, none removed; 0 the same.", diff.message);
    }
}
