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
 * cell names fields in backticks by their full path ({@code slots[].active.id}); a bare name in the row, in either
 * cell, names a sibling or a child of the first cell's full paths ({@code `canaries[].slot`, `baseline`}, or
 * {@code `canaries[].spec`} and in its meaning {@code `split`}). Objects that repeat another's fields are declared
 * in {@link #SAME_FIELDS}.
 */
final class FieldTable {

    /** Where the JSON repeats an object whose fields the table describes once. */
    static final Map<String, String> SAME_FIELDS = Map.of(
            "slots.standby.", "slots.active.",
            "slots.active.lastSwitch.", "ledger.",
            "canaries.candidateArm.", "canaries.baselineArm.");

    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    /** Per row: the first cell's names, then every name of the row. */
    private record Row(List<String> first, List<String> all) {
    }

    private final List<Row> rows;
    private final String prefix;

    private FieldTable(List<Row> rows, String prefix) {
        this.rows = rows;
        this.prefix = prefix;
    }

    /**
     * The first table at or after {@code from} in the document's lines; with a {@code prefix} ({@code check}) its
     * names are relative to that field, and only the fields under it are asked for.
     */
    static FieldTable after(List<String> text, int from, String prefix) {
        int i = from;
        while (i < text.size() && !text.get(i).startsWith("|")) {
            i++;
        }
        List<Row> rows = new ArrayList<>();
        for (; i < text.size() && text.get(i).startsWith("|"); i++) {
            String line = text.get(i);
            rows.add(new Row(names(line.split("\\|")[1]).stream().map(n -> prefix.isEmpty() ? n : prefix + "." + n)
                    .toList(), names(line)));
        }
        return new FieldTable(rows, prefix);
    }

    private static List<String> names(String cells) {
        List<String> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(cells);
        while (matcher.find()) {
            names.add(matcher.group(1).replace("[]", ""));
        }
        return names;
    }

    /** The paths ({@link JsonSample#paths}) the table does not name. */
    Set<String> unnamed(Set<String> paths) {
        Set<String> unnamed = new TreeSet<>();
        for (String path : paths) {
            if (!prefix.isEmpty() && !path.startsWith(prefix + ".")) {
                continue;
            }
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
        for (Row row : rows) {
            if (row.first().contains(path)) {
                return true;
            }
            boolean anchored = row.first().stream().anyMatch(name -> name.equals(parent)
                    || name.contains(".") && name.substring(0, name.lastIndexOf('.')).equals(parent));
            if (anchored && row.all().contains(leaf)) {
                return true;
            }
        }
        return false;
    }
}
