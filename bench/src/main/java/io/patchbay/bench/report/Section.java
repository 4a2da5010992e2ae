package io.patchbay.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured part of the run: a title, the table for people, notes on method and anomalies, and the raw
 * numbers for the JSON file.
 */
public record Section(String key, String title, Table table, List<String> notes, Map<String, Object> data) {

    public static Section of(String key, String title, Table table, List<String> notes) {
        return new Section(key, title, table, notes, new LinkedHashMap<>());
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n").append(table.markdown());
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }
}
