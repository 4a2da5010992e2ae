package io.patchbay.shell;

import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.ClassDiffDTO;
import io.patchbay.api.dto.DiffDTO;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dry run and the diff as text: the answer's sentence first, then one labelled line per fact. */
final class InspectText {

    private static final int LABEL = 12;
    private static final String INDENT = "  ";
    private static final String UNDER = " ".repeat(INDENT.length() + LABEL);

    private InspectText() {
    }

    static String check(CheckDTO check) {
        StringBuilder out = new StringBuilder(Text.wrap("", check.message, INDENT));
        row(out, "slot", check.slot != null ? check.slot
                : "decided when it registers: " + String.join(", ", check.candidates));
        if (check.fragment) {
            row(out, "host", check.host + (check.hostPatchable ? ", patchable" : ", NOT patchable"));
        }
        row(out, "replaces", Text.orNone(check.replaces));
        if (check.becomes != null) {
            row(out, "becomes", check.becomes);
        }
        row(out, "installed", check.installedBundleId < 0 ? "no"
                : "yes: bundle " + check.installedBundleId + ", the same bytes");
        row(out, "resolves", check.resolution);
        for (Map.Entry<String, String> provider : byProvider(check.wires).entrySet()) {
            out.append('\n').append(Text.wrap("    " + provider.getKey() + ": ", provider.getValue(), "      "));
        }
        row(out, "sha256", check.checksum);
        row(out, "signer", check.signer != null ? check.signer
                : check.verifying ? "none" : "not verified: no trust store is configured (trust.store)");
        for (String warning : check.warnings) {
            out.append('\n').append(Text.wrap("WARNING: ", warning, INDENT));
        }
        if (check.notChecked != null) {
            out.append('\n').append(Text.wrap("", check.notChecked, INDENT));
        }
        return out.toString();
    }

    static String diff(DiffDTO diff) {
        if (diff.from == null && diff.classes.isEmpty()) {
            return Text.wrap("", diff.message, INDENT);
        }
        StringBuilder out = new StringBuilder(diff.slot);
        out.append('\n').append(Text.wrap(INDENT, Text.orNone(diff.from) + " -> " + diff.to, INDENT + "  "));
        out.append('\n').append(Text.wrap("", diff.message, INDENT));
        for (ClassDiffDTO changed : diff.classes) {
            out.append('\n').append(INDENT).append(Text.pad(changed.change, 9)).append(changed.name);
            methods(out, "added", changed.methodsAdded);
            methods(out, "removed", changed.methodsRemoved);
            methods(out, "changed", changed.methodsChanged);
            if (changed.change.equals(ClassDiffDTO.CHANGED) && changed.methodsAdded.isEmpty()
                    && changed.methodsRemoved.isEmpty() && changed.methodsChanged.isEmpty()) {
                out.append('\n').append(Text.wrap("    ", "no method body differs (recompiled, or fields, "
                        + "annotations or the class file's form changed)", "    "));
            }
        }
        return out.toString();
    }

    /**
     * The wires ({@code package a.b 1.0.0 from x/1.0.0}) by provider, in order of first mention, each provider's
     * requirements in one list that names a kind once for a run of that kind: {@code package a.b, c.d; ee JavaSE}.
     */
    static Map<String, String> byProvider(List<String> wires) {
        Map<String, StringBuilder> providers = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String wire : wires) {
            int from = wire.lastIndexOf(" from ");
            String provider = from < 0 ? "" : wire.substring(from + " from ".length());
            String what = from < 0 ? wire : wire.substring(0, from);
            int space = what.indexOf(' ');
            String kind = space < 0 ? what : what.substring(0, space);
            StringBuilder list = providers.computeIfAbsent(provider, p -> new StringBuilder());
            if (list.length() == 0) {
                list.append(what);
            } else if (kind.equals(kinds.get(provider))) {
                list.append(", ").append(what.substring(space + 1));
            } else {
                list.append("; ").append(what);
            }
            kinds.put(provider, kind);
        }
        Map<String, String> lines = new LinkedHashMap<>();
        providers.forEach((provider, list) -> lines.put(provider, list.toString()));
        return lines;
    }

    private static void methods(StringBuilder out, String change, List<String> methods) {
        for (String method : methods) {
            out.append('\n').append(Text.wrap("    method " + Text.pad(change, 8), method, "      "));
        }
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append('\n').append(Text.wrap(INDENT + Text.pad(label, LABEL), value, UNDER));
    }
}
