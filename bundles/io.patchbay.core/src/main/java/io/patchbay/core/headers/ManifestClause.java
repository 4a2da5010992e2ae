package io.patchbay.core.headers;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi manifest header: {@code name;attribute=value;directive:=value}, parsed by bnd's header
 * parser (embedded privately, see bnd.bnd) as the OSGi grammar says: clauses separated by commas and parameters by
 * semicolons outside quotes, quotes removed from values, {@code \"} and {@code \\} inside quotes unescaped.
 *
 * @param name the clause's path or name
 * @param attributes attributes and directives by key (a directive keeps its {@code :} suffix off: {@code resolution})
 */
public record ManifestClause(String name, Map<String, String> attributes) {

    /** The header's clauses in order; a name that appears twice gives two clauses. Empty for a blank header. */
    public static List<ManifestClause> parse(String header) {
        List<ManifestClause> clauses = new ArrayList<>();
        Parameters parameters = new Parameters(header, null, true);
        for (Map.Entry<String, Attrs> clause : parameters.entrySet()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            clause.getValue().forEach((key, value) -> attributes.put(
                    key.endsWith(":") ? key.substring(0, key.length() - 1) : key, value));
            // bnd marks a repeated name with trailing '~' (a character no OSGi name may hold)
            clauses.add(new ManifestClause(clause.getKey().replaceAll("~+$", ""), attributes));
        }
        return clauses;
    }
}
