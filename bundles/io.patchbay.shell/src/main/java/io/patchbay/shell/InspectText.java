package io.patchbay.shell;

import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.ClassDiffDTO;
import io.patchbay.api.dto.DiffDTO;
import java.util.List;

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
        for (String wire : check.wires) {
            out.append('\n').append(Text.wrap(UNDER + "  ", wire, UNDER + "    "));
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

    private static void methods(StringBuilder out, String change, List<String> methods) {
        for (String method : methods) {
            out.append('\n').append(Text.wrap("    method " + Text.pad(change, 8), method, "      "));
        }
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append('\n').append(Text.wrap(INDENT + Text.pad(label, LABEL), value, UNDER));
    }
}
