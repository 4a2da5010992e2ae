package io.patchbay.launcher.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a JSON example of the docs with a real answer. The example must have exactly the real object's fields
 * (a new, renamed or removed field fails), in every object it shows. Declared leeway: a string {@code "..."} stands
 * for any value, a last array element {@code "..."} for the real array's remaining elements; strings are compared
 * through {@link DocMasks#mask}; numbers only by type, except the {@link #STABLE_NUMBERS}; the
 * {@link #VOLATILE} paths (the judge's latest word, which moves every 250 ms) by nothing.
 */
final class JsonSample {

    /** Numbers that a run does not change: settings, positions, statuses. */
    static final Set<String> STABLE_NUMBERS = Set.of("number", "step", "stepCount", "status", "minStepMillis",
            "maxStepMillis", "minCalls", "alpha", "beta", "errorMargin", "errorRatio", "slowShare", "slowMarginMicros",
            "warmupCalls", "guardErrorRate", "guardCalls", "newExceptionRepeats");
    static final Set<String> VOLATILE = Set.of("token", "canaries[].verdict", "canaries[].reason");
    static final String ANY = "...";

    private JsonSample() {
    }

    /** The differences, one sentence each with its path; empty when the example matches. */
    static List<String> differences(JsonNode documented, JsonNode real) {
        List<String> found = new ArrayList<>();
        compare(documented, real, "", "", found);
        return found;
    }

    private static void compare(JsonNode doc, JsonNode real, String path, String key, List<String> found) {
        if (VOLATILE.contains(path) || doc.isTextual() && doc.asText().equals(ANY)) {
            return;
        }
        if (doc.getNodeType() != real.getNodeType()) {
            found.add(where(path) + ": the doc shows " + doc + ", the run " + real);
        } else if (doc.isObject()) {
            Set<String> shown = names(doc);
            Set<String> has = names(real);
            if (!shown.equals(has)) {
                Set<String> missing = new TreeSet<>(has);
                missing.removeAll(shown);
                Set<String> extra = new TreeSet<>(shown);
                extra.removeAll(has);
                found.add(where(path) + ": fields the doc lacks " + missing + ", fields the run lacks " + extra);
            }
            shown.retainAll(has);
            for (String name : shown) {
                compare(doc.get(name), real.get(name), path.isEmpty() ? name : path + "." + name, name, found);
            }
        } else if (doc.isArray()) {
            int i = 0;
            for (; i < doc.size() && !(doc.get(i).isTextual() && doc.get(i).asText().equals(ANY)); i++) {
                if (i >= real.size()) {
                    found.add(where(path) + ": the doc shows " + doc.size() + " elements, the run " + real.size());
                    return;
                }
                compare(doc.get(i), real.get(i), path + "[]", key, found);
            }
            if (i == doc.size() && doc.size() != real.size()) {
                found.add(where(path) + ": the doc shows " + doc.size() + " elements, the run " + real.size()
                        + " (end the doc's array with \"...\" to show only the first)");
            }
        } else if (doc.isNumber() ? STABLE_NUMBERS.contains(key) && doc.decimalValue().compareTo(real.decimalValue()) != 0
                : !DocMasks.mask(doc.asText()).equals(DocMasks.mask(real.asText()))) {
            found.add(where(path) + ": the doc shows " + doc + ", the run " + real);
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "the document" : path;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every field path of a JSON document: {@code slots[].active.id}; arrays as {@code []}. */
    static Set<String> paths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (!path.isEmpty()) {
            paths.add(path);
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                collect(node.get(name), path.isEmpty() ? name : path + "." + name, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path + "[]", paths);
            }
        }
    }
}
