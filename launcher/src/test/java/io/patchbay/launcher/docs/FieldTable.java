package io.patchbay.launcher.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A markdown field table ("| Field | Meaning |") and whether it names every field of a JSON answer. A row's first
 * cell names fields in backticks: a full path ({@code slots[].active.id}), or, after one, a bare name that is a
 * sibling or a child of the full names in the same row ({@code `canaries[].slot`, `baseline`}, or
 * {@code `canaries[].spec`} then {@code `split`}). Objects that repeat another's fields are declared in
 * {@link #SAME_FIELDS}.
 */
final class FieldTable {

    /** Where the JSON repeats an object whose fields the table describes once. */
    static final Map<String, String> SAME_FIELDS = Map.of(
            "slots.standby.", "slots.active.",
            "slots.active.lastSwitch.", "ledger.",
            "canaries.candidateArm.", "canaries.baselineArm.");

    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    private final List<List<String>> rows;

    private FieldTable(List<List<String>> rows) {
        this.rows = rows;
    }

    /** The first table at or after {@code from} in the document's lines. */
    static FieldTable after(List<String> text, int from) {
        int i = from;
        while (i < text.size() && !text.get(i).startsWith("|")) {
            i++;
        }
        List<List<String>> rows = new ArrayList<>();
        for (; i < text.size() && text.get(i).startsWith("|"); i++) {
            String first = text.get(i).split("\\|")[1];
            List<String> names = new ArrayList<>();
            Matcher matcher = NAME.matcher(first);
            while (matcher.find()) {
                names.add(matcher.group(1).replace("[]", ""));
            }
            rows.add(names);
        }
        return new FieldTable(rows);
    }

    /** The paths ({@link JsonSample#paths}) the table does not name. */
    Set<String> unnamed(Set<String> paths) {
        Set<String> unnamed = new TreeSet<>();
        for (String path : paths) {
            if (!named(canonical(path.replace("[]", "")))) {
                unnamed.add(path);
            }
        }
        return unnamed;
    }

    private static String canonical(String path) {
        for (Map.Entry<String, String> same : SAME_FIELDS.entrySet()) {
            if (path.startsWith(same.getKey())) {
                return canonical(same.getValue() + path.substring(same.getKey().length()));
            }
        }
        return path;
    }

    private boolean named(String path) {
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot);
        String leaf = path.substring(dot + 1);
        for (List<String> row : rows) {
            if (row.contains(path)) {
                return true;
            }
            boolean anchored = row.stream().anyMatch(name -> name.contains(".")
                    && (name.equals(parent) || name.substring(0, name.lastIndexOf('.')).equals(parent)));
            if (anchored && row.contains(leaf)) {
                return true;
            }
        }
        return false;
    }
}
