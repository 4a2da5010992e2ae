package io.patchbay.core.patch;

import org.osgi.framework.BundleException;

/** Turns a failed {@code Bundle.start()} into one sentence an operator can act on. */
final class StartFailures {

    private StartFailures() {
    }

    static String explain(String name, BundleException e) {
        return switch (e.getType()) {
            case BundleException.RESOLVE_ERROR -> name + " does not resolve: " + missing(e.getMessage()) + ".";
            case BundleException.ACTIVATOR_ERROR -> name + " failed to start: its activator threw "
                    + (e.getCause() == null ? e.getMessage() : e.getCause()) + ".";
            default -> name + " failed to start: " + e.getMessage() + ".";
        };
    }

    /** Felix says "Unable to resolve x [12](R 12.0): missing requirement [...] osgi.wiring.package; (...)". */
    private static String missing(String message) {
        if (message == null) {
            return "the framework gave no reason";
        }
        int index = message.indexOf("missing requirement");
        String reason = index < 0 ? message : message.substring(index);
        int unresolved = reason.indexOf(" Unresolved requirements");
        return withoutRequirer((unresolved < 0 ? reason : reason.substring(0, unresolved)).trim());
    }

    /**
     * The bracket after "missing requirement" names the patch itself, by the bundle id its install got; the
     * sentence already names the patch, and a dry run (which installs nothing, so has no id) says the same without it.
     */
    private static String withoutRequirer(String reason) {
        String prefix = "missing requirement ";
        if (!reason.startsWith(prefix + "[")) {
            return reason;
        }
        int depth = 0;
        for (int i = prefix.length(); i < reason.length(); i++) {
            char c = reason.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0) {
                return prefix + reason.substring(i + 1).trim();
            }
        }
        return reason;
    }
}
