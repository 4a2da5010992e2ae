package io.patchbay.core.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi manifest header: {@code name;attribute=value;directive:=value}. Clauses are separated by
 * commas and parameters by semicolons, both outside double quotes; quotes are removed from values.
 *
 * @param name the clause's path or name
 * @param attributes attributes and directives by key (a directive keeps its {@code :} suffix off: {@code resolution})
 */
public record ManifestClause(String name, Map<String, String> attributes) {

    public static List<ManifestClause> parse(String header) {
        List<ManifestClause> clauses = new ArrayList<>();
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String parameter : parts.subList(1, parts.size())) {
                int equals = parameter.indexOf('=');
                if (equals > 0) {
                    String key = parameter.substring(0, equals).trim();
                    key = key.endsWith(":") ? key.substring(0, key.length() - 1) : key;
                    attributes.put(key, parameter.substring(equals + 1).trim().replace("\"", ""));
                }
            }
            clauses.add(new ManifestClause(parts.get(0).trim(), attributes));
        }
        return clauses;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank() || parts.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
