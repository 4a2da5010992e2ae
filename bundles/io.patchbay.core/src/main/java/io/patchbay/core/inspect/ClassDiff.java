package io.patchbay.core.inspect;

import io.patchbay.api.dto.ClassDiffDTO;
import io.patchbay.api.dto.DiffDTO;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two sets of classes by name: by bytes first, and for a class in both with other bytes, method by
 * method ({@link MethodPrints}): methods added, removed, and those whose instructions differ.
 */
final class ClassDiff {

    private ClassDiff() {
    }

    /** Fills {@code diff.classes}, {@code diff.unchanged} and {@code diff.message}. */
    static DiffDTO compare(Map<String, byte[]> from, Map<String, byte[]> to, DiffDTO diff) {
        diff.classes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(from.keySet());
        names.addAll(to.keySet());
        for (String name : names) {
            byte[] before = from.get(name);
            byte[] after = to.get(name);
            if (before == null) {
                diff.classes.add(whole(name, ClassDiffDTO.ADDED));
            } else if (after == null) {
                diff.classes.add(whole(name, ClassDiffDTO.REMOVED));
            } else if (Arrays.equals(before, after)) {
                diff.unchanged++;
            } else {
                diff.classes.add(changed(name, before, after));
            }
        }
        diff.message = summary(diff);
        return diff;
    }

    static ClassDiffDTO changed(String name, byte[] before, byte[] after) {
        ClassDiffDTO changed = whole(name, ClassDiffDTO.CHANGED);
        Map<String, String> old;
        Map<String, String> now;
        try {
            old = MethodPrints.of(before);
            now = MethodPrints.of(after);
        } catch (RuntimeException unreadable) {
            return changed; // not a class file ASM reads: it differs, and no more can be said
        }
        for (Map.Entry<String, String> method : now.entrySet()) {
            String was = old.get(method.getKey());
            if (was == null) {
                changed.methodsAdded.add(method.getKey());
            } else if (!was.equals(method.getValue())) {
                changed.methodsChanged.add(method.getKey());
            }
        }
        old.keySet().stream().filter(m -> !now.containsKey(m)).forEach(changed.methodsRemoved::add);
        return changed;
    }

    private static ClassDiffDTO whole(String name, String change) {
        ClassDiffDTO dto = new ClassDiffDTO();
        dto.name = name;
        dto.change = change;
        dto.methodsAdded = new ArrayList<>();
        dto.methodsRemoved = new ArrayList<>();
        dto.methodsChanged = new ArrayList<>();
        return dto;
    }

    /** {@code 1 class changed, none added, none removed; 1 the same.} */
    static String summary(DiffDTO diff) {
        List<String> parts = new ArrayList<>();
        for (String change : List.of(ClassDiffDTO.CHANGED, ClassDiffDTO.ADDED, ClassDiffDTO.REMOVED)) {
            long count = diff.classes.stream().filter(c -> c.change.equals(change)).count();
            parts.add(count == 0 ? "none " + change : count + (count == 1 ? " class " : " classes ") + change);
        }
        return capitalised(String.join(", ", parts)) + "; " + diff.unchanged + " the same.";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
