package io.patchbay.core.inspect;

import java.util.List;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/** Manifest values as the resolver compares them: OSGi versions, filter terms for version ranges. */
final class Typed {

    private Typed() {
    }

    /**
     * The filter terms for a version range attribute, as Felix writes them: {@code [1.0,2)} is
     * {@code (version>=1.0.0)(!(version>=2.0.0))}, a single version is a floor; none for {@code null}.
     */
    static String rangeFilter(String attribute, String range) {
        if (range == null || range.isBlank()) {
            return "";
        }
        VersionRange versions = VersionRange.valueOf(range.trim());
        StringBuilder terms = new StringBuilder();
        terms.append(versions.getLeftType() == VersionRange.LEFT_CLOSED
                ? "(" + attribute + ">=" + versions.getLeft() + ")"
                : "(!(" + attribute + "<=" + versions.getLeft() + "))");
        if (versions.getRight() != null) {
            terms.append(versions.getRightType() == VersionRange.RIGHT_OPEN
                    ? "(!(" + attribute + ">=" + versions.getRight() + "))"
                    : "(" + attribute + "<=" + versions.getRight() + ")");
        }
        return terms.toString();
    }

    /** A value inside a filter: {@code \ ( ) *} escaped. */
    static String escaped(String value) {
        return value.replaceAll("([\\\\()*])", "\\\\$1");
    }

    /** bnd's typed attribute value with OSGi's own version class (lists element by element). */
    static Object osgi(Object value) {
        if (value instanceof aQute.bnd.version.Version version) {
            return Version.parseVersion(version.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Typed::osgi).toList();
        }
        return value;
    }
}
